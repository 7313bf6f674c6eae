import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageKey, Translate } from "../i18n";

/**
 * A view whose feature is not in the task pane yet: says plainly what it will do and what to use
 * meanwhile, and offers no button that would do nothing.
 */
export function PlannedView({ t, text }: { t: Translate; text: MessageKey }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="planned">
      <MessageBarBody>
        <MessageBarTitle>{t("plannedTitle")}</MessageBarTitle>
        {t(text)}
      </MessageBarBody>
    </MessageBar>
  );
}
