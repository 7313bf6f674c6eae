/** Pieces the views share: one operation at a time with progress, message bars, issue links, a confirm dialog. */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactElement, useCallback, useRef, useState } from "react";
import { type ReadProgress, hostProblemMessage, hostProblemOf } from "../../host";
import type { Language, Translate } from "../i18n";

export type Feedback = { intent: "error" | "success" | "info" | "warning"; title?: string; text: string };
export type Busy = { label: string; value?: number };

const useStyles = makeStyles({
  busy: { display: "flex", flexDirection: "column", gap: "4px" },
  issue: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: "auto",
    paddingTop: "4px",
    paddingBottom: "4px",
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: "6px", color: tokens.colorBrandForeground1 },
});

/** A failure as the user should read it: host problems in the pane's language, others as they are. */
export function describeError(error: unknown, language: Language): string {
  const problem = hostProblemOf(error);
  if (problem) return hostProblemMessage(problem, language);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one operation at a time: shows its progress, and reports every failure as a message bar
 * (nothing blocks without feedback, SPEC §11).
 */
export function useOperation(t: Translate, language: Language) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const busyRef = useRef(false);
  const perform = useCallback(
    async (label: string, work: () => Promise<Feedback[] | void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy({ label });
      setFeedback([]);
      try {
        setFeedback((await work()) ?? []);
      } catch (error) {
        setFeedback([{ intent: "error", title: t("failed"), text: describeError(error, language) }]);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [t, language],
  );
  /** The busy bar while the workbook is read: the rows read of the sheet being read. */
  const readingProgress = useCallback(
    (p: ReadProgress) =>
      setBusy({
        label: t("validatingRows", { sheet: p.sheet, done: p.rowsRead, total: p.totalRows }),
        value: p.totalRows ? p.rowsRead / p.totalRows : 0,
      }),
    [t],
  );
  return { busy, setBusy, feedback, setFeedback, perform, readingProgress };
}

export function BusyBar({ busy }: { busy: Busy | null }) {
  const styles = useStyles();
  if (!busy) return null;
  return (
    <div className={styles.busy} role="status" aria-live="polite">
      {busy.value === undefined ? (
        <Spinner size="tiny" label={busy.label} labelPosition="after" />
      ) : (
        <Caption1>{busy.label}</Caption1>
      )}
      {busy.value !== undefined && <ProgressBar value={busy.value} />}
    </div>
  );
}

export function FeedbackBars({ feedback }: { feedback: readonly Feedback[] }) {
  return (
    <>
      {feedback.map((f, i) => (
        <MessageBar key={i} intent={f.intent} layout="multiline" data-testid={`feedback-${f.intent}`}>
          <MessageBarBody>
            {f.title && <MessageBarTitle>{f.title}</MessageBarTitle>}
            {f.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

/** An issue (or any message tied to a cell) as a button that selects the cell. */
export function CellLink({
  t,
  cell,
  code,
  text,
  onSelect,
}: {
  t: Translate;
  cell: string | null;
  code?: string;
  text: string;
  onSelect: () => void;
}) {
  const styles = useStyles();
  return (
    <Button
      appearance="subtle"
      className={styles.issue}
      onClick={onSelect}
      disabled={!cell}
      title={cell ? t("goToCell", { cell }) : undefined}
      data-issue-code={code}
      data-cell={cell ?? ""}
    >
      {cell && <span className={styles.cell}>{cell}</span>}
      {text}
    </Button>
  );
}

export interface ConfirmRequest {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly cancel: string;
}

/** A Fluent dialog that answers a promise: `const ok = await ask({ … })`. */
export function useConfirm(): [ReactElement, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<(ConfirmRequest & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback(
    (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = (
    <Dialog
      open={pending !== null}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) close(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{pending?.title}</DialogTitle>
          {/* A request may hold several lines (what will be written, what to know first). */}
          <DialogContent style={{ whiteSpace: "pre-line" }}>{pending?.text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => close(true)}>
              {pending?.confirm}
            </Button>
            <Button onClick={() => close(false)}>{pending?.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return [dialog, ask];
}
