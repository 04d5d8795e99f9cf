import type { Policy } from './evaluation-types';
import { ApronPolicy, ApronPolicyOptions } from './policies/apron-policy';
import {
  earliestDeadlineFirst,
  firstComeFirstServed,
  leastLaxityFirst,
  UncontrolledPolicy,
} from './policies/priority-policies';

/** The five policies of issue 7, fresh, in table order. */
export function standardPolicies(apron: ApronPolicyOptions): Policy[] {
  return [
    new UncontrolledPolicy(),
    firstComeFirstServed(),
    earliestDeadlineFirst(),
    leastLaxityFirst(),
    new ApronPolicy(apron),
  ];
}
