package org.contactaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.contactaudit.output.RunSummary;

/** The short summary a run prints on standard output. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(RunSummary s, Path out, PrintWriter w) {
    w.println("contact-audit " + s.tool().version());
    printInputs(s.inputs(), w);
    RunSummary.GraphFigures g = s.graph();
    w.printf(
        Locale.ROOT,
        "graph: %,d accounts, %,d numbers (%,d shadow), %,d entries%n",
        g.accounts(),
        g.numbers(),
        g.shadowNumbers(),
        g.entries());
    RunSummary.VerdictFigures v = s.verdicts();
    if (v != null) {
      w.printf(Locale.ROOT, "verdicts of %,d recommendations:", v.judged());
      for (Map.Entry<String, Long> e : v.counts().entrySet()) {
        w.printf(Locale.ROOT, " %s %,d", e.getKey(), e.getValue());
      }
      w.println();
      w.printf(Locale.ROOT, "leak rate (LEAK + AT_RISK + STALE): %.1f%%%n", 100 * v.leakRate());
    }
    RunSummary.ShadowFigures shadows = s.shadows();
    if (shadows != null) {
      w.printf(
          Locale.ROOT,
          "shadow numbers: %,d held, %,d by at least %d accounts (sign-up reach %,d)%n",
          shadows.shadowNumbers(),
          shadows.heldByAtLeastK(),
          shadows.minHolders(),
          shadows.signUpReach());
    }
    RunSummary.ExposureFigures exposure = s.exposure();
    if (exposure != null) {
      w.printf(
          Locale.ROOT,
          "default exposure: %,d account(s) visible only by default to %,d mutual contact(s)%n",
          exposure.exposedAccounts(),
          exposure.audience());
    }
    printNotes(s.notes(), w);
    printBudgets(s.budgets(), w);
    if (out != null) {
      w.println("output: " + out);
    }
    w.flush();
  }

  /** Each note, one line a note. */
  static void printNotes(List<String> notes, PrintWriter w) {
    for (String note : notes) {
      w.println("note: " + note);
    }
  }

  /** Each budget checked, with its actual figure, one line a budget. */
  static void printBudgets(List<RunSummary.Budget> budgets, PrintWriter w) {
    for (RunSummary.Budget b : budgets) {
      w.printf(
          Locale.ROOT,
          "budget %s: %.4f against a limit of %.4f%s%n",
          b.name(),
          b.actual(),
          b.limit(),
          b.exceeded() ? " EXCEEDED" : "");
    }
  }

  /** Each exceeded budget, on standard error, with or without --quiet. */
  static void printExceeded(List<RunSummary.Budget> budgets, PrintWriter err) {
    for (RunSummary.Budget b : budgets) {
      if (b.exceeded()) {
        err.printf(
            Locale.ROOT,
            "contact-audit: budget %s exceeded: %.4f against a limit of %.4f%n",
            b.name(),
            b.actual(),
            b.limit());
      }
    }
    err.flush();
  }

  /** The reconciliation of each input file, one line a file, under its heading. */
  static void printInputs(List<RunSummary.Input> inputs, PrintWriter w) {
    w.println("inputs (read = accepted + duplicate + ignored + rejected):");
    for (RunSummary.Input i : inputs) {
      w.printf(
          Locale.ROOT,
          "  %-22s %,9d = %,d + %,d + %,d + %,d%s%n",
          i.name(),
          i.read(),
          i.accepted(),
          i.duplicate(),
          i.ignored(),
          i.rejected(),
          i.reasons().isEmpty() ? "" : "  " + i.reasons());
    }
  }
}
