import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageKey, Translate } from "../i18n";

/** A view whose core module is not connected yet: says so plainly, and what to use meanwhile. */
export function PlaceholderView({ t, text }: { t: Translate; text: MessageKey }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("inProgress")}</MessageBarTitle>
        {t(text)}
      </MessageBarBody>
    </MessageBar>
  );
}
