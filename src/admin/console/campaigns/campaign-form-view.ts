import type { TFunction } from 'i18next';
import type { BroadcastGroup } from '../../../broadcast/broadcast-types.js';
import { countChars, MAX_TEXT_CHARS } from '../../../broadcast/campaign-input.js';
import { html, type SafeHtml } from '../html.js';
import type { CampaignField, CampaignFormValues } from './campaign-form.js';
import { scheduleFieldsView } from './schedule-fields-view.js';

function checked(on: boolean): SafeHtml | '' {
  return on ? html` checked` : '';
}

function fieldError(t: TFunction, errors: readonly CampaignField[], field: CampaignField): SafeHtml | '' {
  return errors.includes(field)
    ? html`<div class="field-error" role="alert">${t(`campaigns.errors.${field}`)}</div>`
    : '';
}

/** How a message will look in a Zalo group; the bubble is kept in sync by console.js while typing. */
export function zaloPreview(t: TFunction, text: string, imageUrl: string | null, id?: string): SafeHtml {
  return html`<div class="zalo-preview" aria-label="${t('campaigns.preview')}">
<div class="sender">${t('campaigns.previewSender')}</div>
${imageUrl ? html`<div class="bubble muted">${t('campaigns.previewImage', { url: imageUrl })}</div>` : ''}
<div class="bubble"${id ? html` id="${id}"` : ''}>${text}</div></div>`;
}

/**
 * The create/edit form: title, text with a live character count and the Zalo preview, audience
 * (all, kinds, tags, single groups from the directory) and schedule (once, now, monthly, cron).
 */
export function campaignFormView(
  t: TFunction,
  input: {
    action: string;
    csrfToken: string;
    values: CampaignFormValues;
    groups: readonly BroadcastGroup[];
    errors: readonly CampaignField[];
    /** a refusal from the domain, already translated */
    message?: string;
    heading: string;
  },
): SafeHtml {
  const v = input.values;
  const e = input.errors;
  const tags = [...new Set([...input.groups.flatMap((g) => g.tags), ...v.tags])].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const live = input.groups.filter((g) => g.deletedAt === null || v.groupIds.includes(g.groupId));
  const chars = countChars(v.text);
  return html`<h1>${input.heading}</h1>
${input.message ? html`<div class="notice bad" role="alert">${input.message}</div>` : ''}
<form method="post" action="${input.action}" class="grid-2">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<div class="card">
<label for="title">${t('campaigns.fieldTitle')}</label>
<input type="text" id="title" name="title" value="${v.title}" maxlength="200" required>
${fieldError(t, e, 'title')}
<label for="text">${t('campaigns.fieldText')}</label>
<textarea id="text" name="text" rows="10" required data-count="text-count" data-preview="preview-text" data-max="${MAX_TEXT_CHARS}">${v.text}</textarea>
<div id="text-count" class="counter${chars > MAX_TEXT_CHARS ? ' over' : ''}" aria-live="polite"
 data-template="${t('campaigns.counter', { n: '{n}', max: '{max}' })}">${t('campaigns.counter', { n: chars, max: MAX_TEXT_CHARS })}</div>
${fieldError(t, e, 'text')}
<label for="imageUrl">${t('campaigns.fieldImage')}</label>
<input type="text" id="imageUrl" name="imageUrl" value="${v.imageUrl}" inputmode="url" placeholder="https://">
${fieldError(t, e, 'imageUrl')}
<h2>${t('campaigns.preview')}</h2>
${zaloPreview(t, v.text, v.imageUrl || null, 'preview-text')}
</div>
<div class="card">
<fieldset><legend>${t('campaigns.audience')}</legend>
<label class="check"><input type="checkbox" name="all" value="1"${checked(v.all)}> ${t('campaigns.audienceAll')}</label>
<p class="muted">${t('campaigns.audienceHelp')}</p>
<div><strong>${t('campaigns.byKind')}</strong></div>
${(['commune', 'agency'] as const).map(
  (k) =>
    html`<label class="check"><input type="checkbox" name="kind" value="${k}"${checked(v.kinds.includes(k))}> ${t(`groups.kind.${k}`)}</label>`,
)}
<div><strong>${t('campaigns.byTag')}</strong></div>
${
  tags.length === 0
    ? html`<p class="muted">${t('campaigns.noTags')}</p>`
    : tags.map(
        (tag) =>
          html`<label class="check"><input type="checkbox" name="tag" value="${tag}"${checked(v.tags.includes(tag))}> ${tag}</label>`,
      )
}
<div><strong>${t('campaigns.byGroup')}</strong></div>
<div class="scroll-list">
${
  live.length === 0
    ? html`<p class="muted">${t('campaigns.noGroups')}</p>`
    : live.map(
        (
          g,
        ) => html`<label class="check"><input type="checkbox" name="group" value="${g.groupId}"${checked(v.groupIds.includes(g.groupId))}>
${g.name || g.groupId}${g.unit ? html` <span class="muted">· ${g.unit}</span>` : ''}</label>`,
      )
}
</div>
${fieldError(t, e, 'audience')}
</fieldset>
${scheduleFieldsView(t, v, e)}
<p class="muted">${t('campaigns.draftHelp')}</p>
<div class="actions"><button type="submit">${t('campaigns.saveDraft')}</button>
<a class="button secondary" href="/admin/campaigns">${t('common.cancel')}</a></div>
</div>
</form>`;
}
