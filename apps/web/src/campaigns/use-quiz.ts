import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { QuizQuestion } from '@chaping/domain';

import { api, unwrap } from '../shared/api-client';
import { campaignKey } from './use-campaign';

export const quizResultsKey = (id: string) => ['campaign-quiz-results', id];

/**
 * The briefing quiz of one campaign: a lead saves drafts, publishes and reads who has passed; anyone
 * answers the published quiz. The quiz itself (and the caller's own attempts) comes with the campaign.
 */
export function useQuiz(id: string, { readsResults }: { readsResults: boolean }) {
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const refresh = () => {
    void client.invalidateQueries({ queryKey: campaignKey(id) });
    void client.invalidateQueries({ queryKey: ['campaigns'] });
    void client.invalidateQueries({ queryKey: quizResultsKey(id) });
  };

  const results = useQuery({
    queryKey: quizResultsKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/quiz/results', path)),
    enabled: readsResults,
  });
  const save = useMutation({
    mutationFn: (body: { questions: QuizQuestion[]; version?: number }) =>
      unwrap(
        api.PUT('/api/campaigns/{id}/quiz', {
          ...path,
          body: {
            ...body,
            questions: body.questions.map((question) => ({ ...question, choices: [...question.choices] })),
          },
        }),
      ),
    onSettled: refresh,
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/quiz/publish', path)),
    onSettled: refresh,
  });
  const attempt = useMutation({
    mutationFn: async (answers: number[]) => ({
      grade: await unwrap(api.POST('/api/campaigns/{id}/quiz/attempts', { ...path, body: { answers } })),
      at: Date.now(),
    }),
    onSettled: refresh,
  });
  return { results, save, publish, attempt };
}
