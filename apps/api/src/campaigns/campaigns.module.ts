import { Module } from '@nestjs/common';

import { CampaignForecastRepository } from './campaign-forecast.repository';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignRosterJob } from './campaign-roster.job';
import { CampaignRosterRepository } from './campaign-roster.repository';
import { CampaignRosterService } from './campaign-roster.service';
import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsController],
  providers: [
    CampaignRepository,
    CampaignsService,
    CampaignForecastRepository,
    CampaignForecastService,
    CampaignRosterRepository,
    CampaignRosterService,
    CampaignRosterJob,
  ],
})
export class CampaignsModule {}
