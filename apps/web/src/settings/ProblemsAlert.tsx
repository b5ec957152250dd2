import { Alert } from 'antd';

interface ProblemsAlertProps {
  title: string;
  /** Each problem as the sentence a person reads; the list keeps them in the order given. */
  problems: readonly string[];
  testId: string;
}

/** Why an edited settings form cannot be saved yet, as a list under the form. */
export function ProblemsAlert({ title, problems, testId }: ProblemsAlertProps) {
  return (
    <Alert
      type="warning"
      showIcon
      message={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      }
    />
  );
}
