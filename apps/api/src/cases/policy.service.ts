import { Injectable } from '@nestjs/common';

import { DEFAULT_POLICY, type Policy } from '@chaping/domain';

/**
 * The policy in force. Today the documented defaults of DESIGN §4; per-shop values edited by
 * leads (with an audit trail) plug in here without the callers changing.
 */
@Injectable()
export class PolicyService {
  current(): Policy {
    return DEFAULT_POLICY;
  }
}
