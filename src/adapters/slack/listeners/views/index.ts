import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { VIEW } from '../../ids';
import { questionSubmitted } from './questionSubmitted';
import { reportFormSubmitted } from './reportFormSubmitted';
import { reportPreviewSubmitted } from './reportPreviewSubmitted';
import { resolveSubmitted } from './resolveSubmitted';

export function register(app: App, deps: SlackDeps): void {
  app.view(VIEW.reportForm, reportFormSubmitted(deps));
  app.view(VIEW.reportPreview, reportPreviewSubmitted(deps));
  app.view(VIEW.resolve, resolveSubmitted(deps));
  app.view(VIEW.ask, questionSubmitted(deps));
}
