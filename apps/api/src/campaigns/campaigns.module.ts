import { Module } from '@nestjs/common';

import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignsService],
})
export class CampaignsModule {}
