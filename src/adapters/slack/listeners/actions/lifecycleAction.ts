import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import type { ButtonListener } from './buttonClick';
import { reportStepClick } from './reportStepClick';

/**
 * Acknowledge (and Start handling) on an alert: the service checks that the person may handle the report,
 * records the step and queues the message to the reporter and a refresh of every alert copy on every door;
 * due messages are then delivered at once. A refusal or a step that no longer applies is told to the person
 * privately, with the report's current state (the copy they clicked is redrawn by the core's refresh).
 */
export function lifecycleAction(deps: SlackDeps): ButtonListener {
  return reportStepClick(deps, (service, reference, personId, { action }) =>
    action.action_id === ACTION.startProgress ? service.startProgress(reference, personId) : service.acknowledge(reference, personId),
  );
}
