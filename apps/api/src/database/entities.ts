import { AppealEntity } from '../appeals/appeal.entity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { CaseEntity } from '../cases/case.entity';
import { RemedyEntity } from '../cases/remedy.entity';
import { CompensationEntity } from '../compensation/compensation.entity';
import { ContactAttemptEntity } from '../contacts/contact-attempt.entity';
import { BuyerEntity } from '../intake/buyer.entity';
import { OrderEntity } from '../intake/order.entity';
import { ProductEntity } from '../intake/product.entity';
import { ReviewEntity } from '../intake/review.entity';
import { PublicReplyEntity } from '../replies/public-reply.entity';
import { ShopEntity } from '../users/shop.entity';
import { UserEntity, UserShopEntity } from '../users/user.entity';

export const ENTITIES = [
  ShopEntity,
  UserEntity,
  UserShopEntity,
  BuyerEntity,
  ProductEntity,
  OrderEntity,
  ReviewEntity,
  CaseEntity,
  CaseEventEntity,
  ContactAttemptEntity,
  RemedyEntity,
  CompensationEntity,
  PublicReplyEntity,
  AppealEntity,
];
