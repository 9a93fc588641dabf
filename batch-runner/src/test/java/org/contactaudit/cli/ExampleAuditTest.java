package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactaudit.output.SummaryWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the bundled example gives the verdicts examples/README.md names.
 */
class ExampleAuditTest {
  @TempDir static Path tmp;
  static Path out;
  static Cli.Run run;

  @BeforeAll
  static void audit() {
    out = tmp.resolve("example-audit");
    run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--key-file",
            Cli.EXAMPLES.resolve("example.key").toString(),
            "--out",
            out.toString());
  }

  @Test
  void exitsZeroAndPrintsTheSummary() {
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out()
            .contains(
                "verdicts of 10 recommendations: OK 1 AT_RISK 0 LEAK 8 STALE 0 UNEXPLAINED 1"),
        run.out());
    assertTrue(run.out().contains("leak rate (LEAK + AT_RISK + STALE): 80.0%"), run.out());
  }

  @Test
  void verdictsAreThoseOfTheCases() throws IOException {
    List<String> rows = Files.readAllLines(out.resolve("verdicts.csv"));
    assertEquals(11, rows.size());
    for (int i = 1; i <= 5; i++) {
      assertTrue(
          rows.get(i)
              .contains(
                  ",LEAK,REVERSE,REVERSE,viewer.discoverable_by_phone;"
                      + "candidate.suggest_to_contacts,"),
          rows.get(i));
    }
    assertTrue(rows.get(6).startsWith("7,mei,huang,"), rows.get(6));
    assertTrue(rows.get(6).contains(",LEAK,MUTUAL,MUTUAL,candidate.discoverable_by_phone,"));
    assertTrue(rows.get(7).contains(",amy,ben,") && rows.get(7).contains(",OK,,MUTUAL,,"));
    assertTrue(rows.get(7).endsWith(",SUPPORTED,false,false"), "in_contacts, consensual");
    assertTrue(rows.get(8).contains(",LEAK,SHARED_CONTACT,SHARED_CONTACT,"));
    assertTrue(
        rows.get(8).endsWith(",1,DISCLOSES,false,false"),
        "one shadow shared contact, the pharmacy; mutual_contacts:1 true only without consent");
    assertTrue(rows.get(9).contains(",LEAK,SHARED_CONTACT,"));
    assertTrue(rows.get(10).contains(",amy,dr_wang,") && rows.get(10).contains(",UNEXPLAINED,"));
  }

  @Test
  void everyRowIsAccountedFor() throws IOException {
    JsonNode summary = SummaryWriter.mapper().readTree(out.resolve("summary.json").toFile());
    long[][] expected = {
      // read, accepted, duplicate, ignored, rejected
      {16, 15, 0, 0, 1}, {20, 16, 1, 1, 2}, {19, 18, 0, 0, 1}, {12, 10, 0, 0, 2}
    };
    for (int i = 0; i < 4; i++) {
      JsonNode f = summary.get("inputs").get(i);
      assertEquals(expected[i][0], f.get("read").asLong(), f.toString());
      assertEquals(expected[i][1], f.get("accepted").asLong(), f.toString());
      assertEquals(expected[i][2], f.get("duplicate").asLong(), f.toString());
      assertEquals(expected[i][3], f.get("ignored").asLong(), f.toString());
      assertEquals(expected[i][4], f.get("rejected").asLong(), f.toString());
    }
    assertEquals(
        "contact_name", summary.get("inputs").get(1).get("unknown_columns").get(0).asText());
    assertEquals(
        List.of(
            "file,line,column,reason,detail",
            "accounts.csv,17,phone,INVALID_PHONE,not a valid phone number for default region CN",
            "contacts.csv,17,owner_id,UNKNOWN_ACCOUNT,account 'ghost' is not in accounts.csv",
            "contacts.csv,18,phone,INVALID_PHONE,not a valid phone number for default region CN",
            "consents.csv,20,value,INVALID_VALUE,\"expected true/false, 1/0, yes/no or on/off\"",
            "recommendations.csv,12,candidate_id,SELF_RECOMMENDATION,the viewer is shown their own"
                + " account",
            "recommendations.csv,13,,MALFORMED_ROW,3 fields where the header has 5"),
        Files.readAllLines(out.resolve("rejects.csv")));
  }

  @Test
  void sameInputsGiveByteIdenticalVerdictsAndRejects() throws IOException {
    Path again = tmp.resolve("again");
    Cli.Run second =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--threads",
            "1",
            "--out",
            again.toString());
    assertEquals(0, second.exit(), second.err());
    for (String f : new String[] {"verdicts.csv", "rejects.csv"}) {
      assertEquals(Files.readString(out.resolve(f)), Files.readString(again.resolve(f)), f);
    }
  }
}
