package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.contactaudit.io.Reason;
import org.contactaudit.io.RowOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the job over a dataset, then searches every output file, the log, standard output and
 * standard error, and the messages of failed runs, for each raw phone number of the input in any
 * format: none is found.
 */
class PrivacyScanTest {
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ()\\-.]{5,}[0-9]");

  @TempDir Path tmp;

  /** Every phone-like value of the input files, as the digits a reader could recognize. */
  private static Set<String> rawNumbers(Path folder) throws IOException {
    Set<String> digits = new LinkedHashSet<>();
    for (String f :
        new String[] {"accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv"}) {
      Matcher m = NUMBER.matcher(Files.readString(folder.resolve(f)));
      while (m.find()) {
        String d = m.group().replaceAll("[^0-9]", "");
        if (d.length() >= 7 && !d.startsWith("20")) {
          digits.add(d);
          if (d.startsWith("0086")) {
            digits.add(d.substring(4));
          } else if (d.startsWith("86")) {
            digits.add(d.substring(2));
          } else {
            digits.add("86" + d);
          }
        }
      }
    }
    return digits;
  }

  /** Text with the separators a number may be written with removed. */
  private static String squeezed(String text) {
    return text.replaceAll("[ ()\\-.+]", "");
  }

  private static void assertNoNumber(String where, String text, Set<String> numbers) {
    String s = squeezed(text);
    for (String n : numbers) {
      assertFalse(
          s.contains(n), () -> where + " holds a raw number ending " + n.substring(n.length() - 2));
    }
  }

  @Test
  void noRawNumberInAnyOutputLogOrMessage() throws IOException {
    Path in = Files.createDirectory(tmp.resolve("in"));
    for (String f :
        new String[] {"accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv"}) {
      Files.copy(Cli.EXAMPLES.resolve(f), in.resolve(f));
    }
    // Numbers in every harmful place: a malformed row, a conflict, an unknown owner, a duplicate,
    // numbers typed into every id column, numbers inside ids and names, ids with quotes; a row
    // for every reason to reject.
    Files.writeString(
        in.resolve("accounts.csv"),
        "copycat,+86 139 0000 1001,2018-01-01,\n"
            + "zhou,+86 139 0000 9998,2018-05-01,\n"
            + "badphone,12,2018-01-01,\n"
            + "o'brien,+86 139 0000 5555,2021-01-01,\n"
            + "ann13900004444,+86 139 0000 4444,2018-01-01,\n"
            + "quoted,\"139 0000 7777\nunterminated,2018-01-01,\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        in.resolve("contacts.csv"),
        "nobody,13900009999,x,2020-01-01,\nzhou,139 0000 8888,\"x,y\",bad-time,\n"
            + "13900006666,+86 139 0000 1001,Mom,,\n"
            + "zhou,139 0000 1212,Mom 139 0000 1213,,\n"
            + ",139 0000 2222,x,,\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        in.resolve("consents.csv"),
        "+86 139 0000 7171,contact_upload,true,explicit,2020-01-01\n"
            + "zhou,contact_upload,maybe,explicit,\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        in.resolve("recommendations.csv"),
        "139-0000-3333,zhou,2020-02-01T09:00:00Z,feed,\n"
            + "zhou,0086 139 0000 3434,2020-02-01T09:00:00Z,feed,\n"
            + "o'brien,zhou,2020-02-01T09:00:00Z,feed,\n"
            + "ann13900004444,ann13900004444,2020-02-01T09:00:00Z,feed,\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Set<String> numbers = rawNumbers(in);
    assertTrue(numbers.size() > 30, "the scan looks for " + numbers.size() + " forms");

    Path out = tmp.resolve("out");
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            in.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString(),
            "--pseudonymize-accounts");
    assertEquals(0, run.exit(), run.err());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    for (String expected :
        new String[] {
          "verdicts.csv",
          "rejects.csv",
          "summary.json",
          "report.html",
          "shadow_profiles.csv",
          "exposures.csv"
        }) {
      assertTrue(files.contains(out.resolve(expected)), expected + " in " + files);
    }
    for (Path f : files) {
      assertNoNumber(f.getFileName().toString(), Files.readString(f), numbers);
    }
    assertNoNumber("stdout", run.out(), numbers);
    assertNoNumber("stderr", run.err(), numbers);
    assertNoNumber("log", run.log(), numbers);
    String rejects = Files.readString(out.resolve("rejects.csv"));
    for (Reason reason : Reason.values()) {
      if (reason.outcome() == RowOutcome.REJECTED) {
        assertTrue(rejects.contains("," + reason.name() + ","), reason + " in\n" + rejects);
      }
    }
    assertFalse(rejects.contains("brien"), "an id with a quote is named whole\n" + rejects);
    assertFalse(rejects.contains("ann139"), "an id holding a number is named whole\n" + rejects);

    // Without a key (validate): an id cell that may be a number is not shown at all.
    Path checked = tmp.resolve("checked");
    Cli.Run validate =
        Cli.run(
            java.util.Map.of(),
            "validate",
            "--input",
            in.toString(),
            "--default-region",
            "CN",
            "--out",
            checked.toString());
    assertEquals(0, validate.exit(), validate.err());
    assertNoNumber(
        "validate rejects.csv", Files.readString(checked.resolve("rejects.csv")), numbers);
    assertNoNumber("validate stdout", validate.out(), numbers);
    assertNoNumber("validate log", validate.log(), numbers);

    // Failed runs: a header with a number in it, an unreadable time, a bad region.
    Files.writeString(in.resolve("contacts.csv"), "owner_id,13800138000\nzhou,1\n");
    Cli.Run failed =
        Cli.run(
            "audit",
            "--input",
            in.toString(),
            "--default-region",
            "CN",
            "--out",
            tmp.resolve("failed").toString());
    assertEquals(3, failed.exit());
    assertNoNumber("input error", failed.err(), Set.of("13800138000"));
  }
}
