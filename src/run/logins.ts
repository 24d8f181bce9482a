// MAX_LOGINS: how many logins the run may make. An ERP may lock an account or raise an alert
// on a burst of logins, so every login (the first one, a chain renewal, a rotation probe's own
// token family) spends from one budget, and work that would need more is skipped with the reason.

import { TokenSourceError } from './tokens.ts';

/** Final: no later attempt of the run gets another login. */
export class LoginBudgetError extends TokenSourceError {
  constructor(readonly max: number) {
    super(loginBudgetReason(max), true);
    this.name = 'LoginBudgetError';
  }
}

export function loginBudgetReason(max: number): string {
  return `it would need a login beyond MAX_LOGINS=${max}`;
}

export class LoginBudget {
  private spent = 0;

  constructor(readonly max?: number) {}

  /** Takes one login from the budget; throws LoginBudgetError when none is left. */
  spend(): void {
    if (this.max !== undefined && this.spent >= this.max) throw new LoginBudgetError(this.max);
    this.spent++;
  }

  used(): number {
    return this.spent;
  }
}
