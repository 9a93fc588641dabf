package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.contactaudit.output.SummaryWriter;
import org.contactaudit.phone.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit job writes shadow_profiles.csv and exposures.csv, and their figures. */
class AnalysesOutputTest {
  private static final String KEY = "a test key of at least sixteen bytes";

  /**
   * Shadow numbers ...09 (held by a1, a2, a3), ...08 (a1, a2), ...07 (a1). Mutual edges a1-a2 and
   * a1-=evil; a3 holds a1 only. a1, =evil and a3 show their activity by default, a2 explicitly.
   */
  static void writeDataset(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        account_id,phone
        a1,+86 138 0000 0001
        a2,+86 138 0000 0002
        a3,+86 138 0000 0003
        =evil,+86 138 0000 0004
        """);
    Files.writeString(
        dir.resolve("contacts.csv"),
        """
        owner_id,phone,contact_name
        a1,+86 139 0000 0009,Dr Wang
        a2,13900000009,Dr Wang
        a3,139-0000-0009,Wang
        a1,+86 139 0000 0008,Pharmacy
        a2,+86 139 0000 0008,Pharmacy
        a1,+86 139 0000 0007,Uncle
        a1,+86 138 0000 0002,A2
        a2,+86 138 0000 0001,A1
        a1,+86 138 0000 0004,Evil
        =evil,+86 138 0000 0001,A1
        a3,+86 138 0000 0001,A1
        """);
    Files.writeString(
        dir.resolve("consents.csv"),
        """
        account_id,setting,value,source
        a1,activity_visible_to_contacts,true,default
        =evil,activity_visible_to_contacts,true,default
        a2,activity_visible_to_contacts,true,explicit
        a3,activity_visible_to_contacts,true,default
        a1,contact_upload,true,explicit
        """);
    Files.writeString(
        dir.resolve("recommendations.csv"),
        """
        viewer_id,candidate_id
        a1,a2
        a3,a2
        """);
  }

  static Path keyFile(Path dir) throws IOException {
    Path key = dir.resolve("key.txt");
    Files.writeString(key, KEY);
    return key;
  }

  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shadowProfilesAndExposuresArePseudonymizedSortedAndSafe(@TempDir Path tmp)
      throws IOException {
    Path input = tmp.resolve("in");
    writeDataset(input);
    Path out = tmp.resolve("out");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        run(
            stdout,
            stderr,
            "audit",
            "--input",
            input.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString(),
            "--key-file",
            keyFile(tmp).toString(),
            "--shadow-min-holders",
            "2",
            "--quiet");
    assertEquals(0, code, stderr.toString());

    Pseudonymizer p = Pseudonymizer.withKey(KEY.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "number_pseudonym,holders",
            p.pseudonym("+8613900000009") + ",3",
            p.pseudonym("+8613900000008") + ",2"),
        Files.readAllLines(out.resolve("shadow_profiles.csv")));
    assertEquals(
        List.of("account_id,audience", "a1,2", "'=evil,1", "a3,0"),
        Files.readAllLines(out.resolve("exposures.csv")));

    JsonNode summary = SummaryWriter.mapper().readTree(out.resolve("summary.json").toFile());
    JsonNode shadows = summary.get("shadows");
    assertEquals(3, shadows.get("shadow_numbers").asLong());
    assertEquals(2, shadows.get("min_holders").asInt());
    assertEquals(2, shadows.get("held_by_at_least_k").asLong());
    assertEquals(5, shadows.get("sign_up_reach").asLong());
    assertEquals(3, shadows.get("max_holders").asInt());
    assertEquals(
        "{\"1\":1,\"2\":1,\"3-4\":1,\"5-9\":0,\"10-19\":0,\"20-49\":0,\"50-99\":0,\"100+\":0}",
        shadows.get("holder_histogram").toString());
    JsonNode exposure = summary.get("exposure");
    assertEquals(3, exposure.get("exposed_accounts").asLong());
    assertEquals(3, exposure.get("audience").asLong());
    assertEquals(1, exposure.get("audience_histogram").get("0").asLong());

    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        for (String digits :
            List.of("13900000009", "13900000008", "13900000007", "13800000001", "0000 0009")) {
          assertFalse(text.contains(digits), f.getFileName() + " holds the raw number " + digits);
        }
      }
    }
  }

  @Test
  void pseudonymizedAccountsAreNamedInExposures(@TempDir Path tmp) throws IOException {
    Path input = tmp.resolve("in");
    writeDataset(input);
    Path out = tmp.resolve("out");
    StringWriter stderr = new StringWriter();
    int code =
        run(
            new StringWriter(),
            stderr,
            "audit",
            "--input",
            input.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString(),
            "--key-file",
            keyFile(tmp).toString(),
            "--pseudonymize-accounts",
            "--quiet");
    assertEquals(0, code, stderr.toString());
    String exposures = Files.readString(out.resolve("exposures.csv"));
    assertFalse(exposures.contains("a1"), exposures);
    assertFalse(exposures.contains("evil"), exposures);
    assertEquals(4, Files.readAllLines(out.resolve("exposures.csv")).size());
    assertTrue(exposures.contains("acct_"), exposures);
    Pseudonymizer p = Pseudonymizer.withKey(KEY.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of("number_pseudonym,holders", p.pseudonym("+8613900000009") + ",3"),
        Files.readAllLines(out.resolve("shadow_profiles.csv")),
        "k is 3 by default");
  }
}
