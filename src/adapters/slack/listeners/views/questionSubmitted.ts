import { conversationId } from '../../../../core/reports/dialogSessions';
import { replyView } from '../../blocks/askViews';
import { readViewState } from '../../blocks/formState';
import type { SlackDeps } from '../../deps';
import { INPUT } from '../../ids';
import { replyToText } from '../../replies/textReply';
import type { ViewSubmissionListener } from './viewSubmission';

/** A question from App Home's modal: the reply (answer or report offer) replaces the modal. */
export function questionSubmitted(deps: SlackDeps): ViewSubmissionListener {
  return async ({ ack, body, view }) => {
    const question = readViewState(view.state.values)[INPUT.question];
    const user = await deps.users.identify(body.user.id);
    const reply = await replyToText(deps, user, typeof question === 'string' ? question : '', conversationId('slack', 'home', body.user.id));
    await ack({ response_action: 'update', view: replyView(reply, user.lang) });
  };
}
