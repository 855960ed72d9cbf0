import type { TFunction } from 'i18next';
import { html, type SafeHtml } from '../html.js';
import type { CampaignField, CampaignFormValues } from './campaign-form.js';

const TYPES = ['once', 'now', 'monthly', 'cron'] as const;

function fieldsOf(t: TFunction, type: (typeof TYPES)[number], v: CampaignFormValues): SafeHtml {
  if (type === 'once')
    return html`<div class="grid-2">
<div><label for="onceDate">${t('schedule.onceDate')}</label>
<input type="text" id="onceDate" name="onceDate" value="${v.onceDate}" placeholder="${t('schedule.datePlaceholder')}" inputmode="numeric" autocomplete="off"></div>
<div><label for="onceTime">${t('schedule.onceTime')}</label>
<input type="text" id="onceTime" name="onceTime" value="${v.onceTime}" placeholder="08:00" inputmode="numeric"></div>
</div>`;
  if (type === 'now') return html`<p class="muted">${t('schedule.nowHelp')}</p>`;
  if (type === 'monthly')
    return html`<div class="grid-2">
<div><label for="monthlyDay">${t('campaigns.monthlyDay')}</label>
<input type="number" id="monthlyDay" name="monthlyDay" min="1" max="31" value="${v.monthlyDay}"></div>
<div><label for="monthlyTime">${t('campaigns.monthlyTime')}</label>
<input type="text" id="monthlyTime" name="monthlyTime" value="${v.monthlyTime}" placeholder="08:00" inputmode="numeric"></div>
</div>
<p class="muted">${t('campaigns.monthlyHelp')}</p>`;
  return html`<label for="cronExpression">${t('campaigns.cronExpression')}</label>
<input type="text" id="cronExpression" name="cronExpression" value="${v.cronExpression}" placeholder="0 8 * * 1" spellcheck="false">`;
}

/**
 * The schedule part of the campaign form: one radio per type, each followed by its own fields.
 * The CSS shows only the chosen type's fields (`:has`); without it every field stays visible and
 * the form still works.
 */
export function scheduleFieldsView(t: TFunction, v: CampaignFormValues, errors: readonly CampaignField[]): SafeHtml {
  const error = (field: CampaignField, key: string): SafeHtml | '' =>
    errors.includes(field) ? html`<div class="field-error" role="alert">${t(key)}</div>` : '';
  return html`<fieldset class="schedule-type"><legend>${t('campaigns.schedule')}</legend>
${TYPES.map(
  (type) => html`<label class="check"><input type="radio" name="scheduleType" value="${type}"${
    v.scheduleType === type ? html` checked` : ''
  }> ${t(type === 'now' ? 'schedule.now' : `campaigns.${type}`)}</label>
<div class="when" data-when="${type}">${fieldsOf(t, type, v)}</div>`,
)}
${error('onceDate', 'schedule.badDate')}
${error('schedule', 'campaigns.errors.schedule')}
</fieldset>`;
}
