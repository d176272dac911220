"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { generateNextBatchAction, startBatchAction } from "@/app/(dashboard)/promoters/batch/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { BatchFailure, BatchStop } from "@/lib/batch/generate-next-batch";
import { format } from "@/lib/i18n/locales";
import { BatchFailuresTable } from "./batch-failures-table";
import { ProgressBar } from "./progress-bar";

type Status = "idle" | "running" | "pausing" | "paused" | "stopped" | "error" | "done";
type Run = { since: string; total: number; remaining: number };

const STEP = 10;

/**
 * Drives batch generation from the browser, one small server step at a time, so it shows progress,
 * can pause between steps, and survives WeChat's quota stops: the next run picks up where this one ended.
 */
export function BatchGenerator({ ids }: { ids?: string[] }) {
  const { t, locale } = useI18n();
  const g = t.batch.generate;
  const router = useRouter();
  const [status, setStatus] = useState<Status>("idle");
  const [run, setRun] = useState<Run | null>(null);
  const [created, setCreated] = useState(0);
  const [failures, setFailures] = useState<BatchFailure[]>([]);
  const [stop, setStop] = useState<BatchStop | null>(null);
  const pause = useRef(false);

  useEffect(
    () => () => {
      pause.current = true;
    },
    [],
  );

  async function drive(current: Run) {
    pause.current = false;
    setStatus("running");
    setStop(null);
    try {
      for (;;) {
        if (pause.current) return setStatus("paused");
        const step = await generateNextBatchAction({ since: current.since, ids, limit: STEP });
        current = { ...current, remaining: step.remaining };
        setRun(current);
        setCreated((n) => n + step.created);
        if (step.failed.length) setFailures((list) => [...list, ...step.failed]);
        if (step.stopped) {
          setStop(step.stopped);
          return setStatus("stopped");
        }
        if (step.remaining === 0) return setStatus("done");
      }
    } catch {
      setStatus("error");
    } finally {
      router.refresh();
    }
  }

  async function start() {
    setStatus("running");
    try {
      const started = await startBatchAction({ ids });
      const next = { ...started, remaining: started.total };
      setRun(next);
      if (started.total === 0) return setStatus("done");
      await drive(next);
    } catch {
      setStatus("error");
    }
  }

  function requestPause() {
    pause.current = true;
    setStatus("pausing");
  }

  const busy = status === "running" || status === "pausing";
  const done = run ? run.total - Math.min(run.remaining, run.total) : 0;
  return (
    <div className="space-y-4" data-testid="batch-generator" data-status={status}>
      <div className="flex flex-wrap items-center gap-3">
        {status === "idle" || status === "done" ? (
          <Button type="button" onClick={start} data-testid="batch-start">{g.start}</Button>
        ) : busy ? (
          <Button type="button" variant="secondary" disabled={status === "pausing"} onClick={requestPause} data-testid="batch-pause">
            {status === "pausing" ? g.pausing : g.pause}
          </Button>
        ) : (
          <Button type="button" onClick={() => (status === "paused" && run ? drive(run) : start())} data-testid="batch-resume">{g.resume}</Button>
        )}
        {status === "running" ? <span role="status" className="text-sm text-slate-600">{g.running}</span> : null}
      </div>
      {run && run.total > 0 ? (
        <ProgressBar value={done} max={run.total} label={g.progressLabel} valueText={format(g.progress, { done, total: run.total })} testId="batch-progress" />
      ) : null}
      <div aria-live="polite" data-testid="batch-message">
        {status === "paused" ? <p className="text-sm text-slate-700">{g.paused}</p> : null}
        {status === "error" ? <p role="alert" className="text-sm text-red-700">{g.error}</p> : null}
        {status === "done" && run?.total === 0 && created === 0 ? <p className="text-sm text-slate-600">{g.nothingToDo}</p> : null}
        {status === "done" && (run?.total ?? 0) + created > 0 ? (
          <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-700">
            <p className="font-medium">{g.doneTitle}</p>
            <p data-testid="batch-summary" data-created={created} data-failed={failures.length}>{format(g.doneSummary, { created, failed: failures.length })}</p>
          </div>
        ) : null}
        {status === "stopped" && stop ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="batch-stopped" data-errcode={stop.errcode}>
            <p className="font-medium">{format(g.stoppedTitle, { errcode: stop.errcode })}</p>
            <p className="mt-1">{locale === "en" ? stop.hint.en : stop.hint.zh}</p>
            <p className="mt-1 text-xs text-red-700">{stop.errmsg}</p>
            <p className="mt-2">{g.stoppedResume}</p>
          </div>
        ) : null}
      </div>
      {failures.length > 0 ? <BatchFailuresTable failures={failures} /> : null}
    </div>
  );
}
