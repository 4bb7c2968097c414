import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import { answerFeedback } from './answerFeedback';
import { lifecycleAction } from './lifecycleAction';
import { openAsk } from './openAsk';
import { openReportFormAction } from './openReportForm';
import { openResolve } from './openResolve';
import { showDetails } from './showDetails';
import { withdrawAction, withdrawCancelAction, withdrawConfirmAction } from './withdrawAction';

export function register(app: App, deps: SlackDeps): void {
  app.action(ACTION.openReport, openReportFormAction(deps));
  app.action(ACTION.acknowledge, lifecycleAction(deps));
  app.action(ACTION.startProgress, lifecycleAction(deps));
  app.action(ACTION.resolve, openResolve(deps));
  app.action(ACTION.details, showDetails(deps));
  app.action(ACTION.withdraw, withdrawAction(deps));
  app.action(ACTION.withdrawConfirm, withdrawConfirmAction(deps));
  app.action(ACTION.withdrawCancel, withdrawCancelAction(deps));
  app.action(ACTION.helpful, answerFeedback(deps));
  app.action(ACTION.notHelpful, answerFeedback(deps));
  app.action(ACTION.ask, openAsk(deps));
}
