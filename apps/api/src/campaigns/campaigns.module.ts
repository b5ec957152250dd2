import { Module } from '@nestjs/common';

import { CampaignForecastRepository } from './campaign-forecast.repository';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignsService, CampaignForecastRepository, CampaignForecastService],
})
export class CampaignsModule {}
