package org.contactaudit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of a valid export (bytes flipped, quotes, separators and line breaks inserted,
 * lines cut and joined, lines in other encodings) through the reader: every row is accounted for,
 * the only failure is an {@link InputException}, and no reject or message holds a raw number.
 */
class ReaderFuzzTest {
  private static final String ACCOUNTS =
      """
      account_id,phone,registered_at,deleted_at
      alice,+86 138 0013 8001,2020-01-01,
      bob,(+86) 138-0013-8002,2020-01-01,
      carol,8613800138003,2020-01-01,2021-01-01
      dave,+86.138.0013.8004,,
      "o'hara, jr",13800138005,2019-05-01,
      émile,138 0013 8006,,
      """;

  private static final String CONTACTS =
      """
      owner_id,phone,uploaded_at,deleted_at,contact_name
      alice,+86 138 0013 8002,,,Bob
      alice,13900139007,2020-02-01,,"Mom, 139 0013 9008"
      bob,+86 138 0013 8001,2020-03-01,2020-04-01,Al
      carol,139-0013-9009,,,"Cy ""the"" One"
      dave,400 812 3123,,,hotline
      émile,+86 138 0013 8006,,,me
      "o'hara, jr",139 0013 9010,,,x
      """;

  private static final String CONSENTS =
      """
      account_id,setting,value,source,updated_at
      alice,contact_upload,true,explicit,2020-01-01
      bob,discoverable_by_phone,yes,default,2020-01-02T10:00:00Z
      "o'hara, jr",contact_upload,on,,
      """;

  private static final String RECOMMENDATIONS =
      """
      viewer_id,candidate_id,shown_at,surface,explanation
      alice,bob,2020-06-01T10:00:00Z,feed,in_contacts
      bob,alice,2020-06-01,feed,
      "o'hara, jr",émile,,search,mutual_contacts:2
      carol,dave,2022-01-01,feed,friend_of_friend
      """;

  private static final String[] TEXTS = {ACCOUNTS, CONTACTS, CONSENTS, RECOMMENDATIONS};
  private static final String[] NAMES = {
    "accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv"
  };

  /** The national digits of every number of the export. */
  private static final List<String> NUMBERS =
      List.of(
          "13800138001",
          "13800138002",
          "13800138003",
          "13800138004",
          "13800138005",
          "13800138006",
          "13900139007",
          "13900139008",
          "13900139009",
          "13900139010",
          "4008123123");

  @TempDir Path dir;

  @Test
  void threeHundredMutatedExports() throws Exception {
    fuzz(300, 1);
  }

  @Test
  @Tag("slow")
  void fiveThousandMutatedExports() throws Exception {
    fuzz(5_000, 1_000_001);
  }

  private void fuzz(int cases, long firstSeed) throws Exception {
    for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
      Random random = new Random(seed);
      for (int f = 0; f < TEXTS.length; f++) {
        byte[] bytes = TEXTS[f].getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(3) == 0) {
          int mutations = 1 + random.nextInt(6);
          for (int m = 0; m < mutations; m++) {
            bytes = mutate(bytes, random);
          }
        }
        Files.write(dir.resolve(NAMES[f]), bytes);
      }
      check(seed);
    }
  }

  private void check(long seed) {
    List<Reject> rejects = new ArrayList<>();
    AuditInput input;
    try {
      input =
          DatasetReader.read(
              InputPaths.inFolder(dir),
              ReadOptions.builder().defaultRegion("CN").build(),
              rejects::add);
    } catch (InputException e) {
      assertNoNumber(seed, "input error", e.getMessage());
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("seed " + seed + ": " + e, e);
    }
    long rejected = 0;
    for (FileSummary s : input.files()) {
      assertEquals(
          s.read(),
          s.accepted() + s.duplicate() + s.ignored() + s.rejected(),
          "seed " + seed + ": " + s.name() + " accounts for every row");
      rejected += s.rejected();
    }
    assertEquals(
        rejected, rejects.size(), "seed " + seed + ": every rejected row reaches the sink");
    for (Reject r : rejects) {
      assertNoNumber(seed, r.toString(), r.column() + " " + r.detail());
    }
  }

  private static void assertNoNumber(long seed, String where, String text) {
    String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
    for (String n : NUMBERS) {
      if (digits.contains(n)) {
        fail("seed " + seed + ": a raw number in " + where);
      }
    }
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    if (bytes.length == 0) {
      return "\"".getBytes(StandardCharsets.UTF_8);
    }
    int at = random.nextInt(bytes.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(8)) {
      case 0 -> { // flip a byte
        bytes = bytes.clone();
        bytes[at] = (byte) random.nextInt(256);
        return bytes;
      }
      case 1 -> { // insert a quote, separator or line break
        byte[] pick = {'"', ',', '\n', '\r', '"', ' '};
        out.write(bytes, 0, at);
        out.write(pick[random.nextInt(pick.length)]);
        out.write(bytes, at, bytes.length - at);
      }
      case 2 -> { // join a line with the next
        int nl = indexOf(bytes, (byte) '\n', at);
        if (nl < 0) {
          return bytes;
        }
        out.write(bytes, 0, nl);
        out.write(bytes, nl + 1, bytes.length - nl - 1);
      }
      case 3 -> { // cut a line short
        int nl = indexOf(bytes, (byte) '\n', at);
        int end = nl < 0 ? bytes.length : nl;
        out.write(bytes, 0, at);
        out.write(bytes, end, bytes.length - end);
      }
      case 4 -> { // truncate the file
        out.write(bytes, 0, at);
      }
      case 5 -> { // a line in another encoding
        String text = new String(bytes, StandardCharsets.UTF_8);
        Charset other =
            random.nextBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE;
        int start = Math.max(0, text.lastIndexOf('\n', Math.min(at, text.length() - 1)) + 1);
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? text.length() : nl;
        out.writeBytes(text.substring(0, start).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(text.substring(start, end).getBytes(other));
        out.writeBytes(text.substring(end).getBytes(StandardCharsets.UTF_8));
      }
      case 6 -> { // duplicate a stretch
        int len = Math.min(bytes.length - at, 1 + random.nextInt(40));
        out.write(bytes, 0, at + len);
        out.write(bytes, at, bytes.length - at);
      }
      default -> { // an invalid UTF-8 sequence or a stray BOM
        byte[][] junk = {{(byte) 0xC3}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF}};
        out.write(bytes, 0, at);
        out.writeBytes(junk[random.nextInt(junk.length)]);
        out.write(bytes, at, bytes.length - at);
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
