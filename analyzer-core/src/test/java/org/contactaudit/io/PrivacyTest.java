package org.contactaudit.io;

import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.contactaudit.io.InputFile.RECOMMENDATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/DATA.md, outputs: no reject and no error message holds a raw phone number, in any format.
 * Every phone cell of the fixtures is compared as its digits with the digits of every text written
 * out.
 */
class PrivacyTest {
  @TempDir Path dir;

  /** Phone cells in many formats, each used in rows that are rejected for every reason. */
  private static final List<String> ACCOUNT_PHONES =
      List.of("+86 138 0013 8001", "(+86) 138-0013-8002", "8613800138003", "+86.138.0013.8004");

  private static final String ACCOUNTS_TEXT =
      """
      account_id,phone,registered_at,deleted_at
      alice,+86 138 0013 8001,2020-01-01,
      bob,(+86) 138-0013-8002,2020-01-01,
      carol,8613800138003,2020-01-01,2021-01-01
      dave,+86.138.0013.8004,,
      alice,+86 139 1234 5678,2020-01-01,
      erin,(+86) 138-0013-8002,,
      frank,+86 139 1234 567,,
      gina,+86 139 8765 4321,2020-02-01,2020-01-01
      hal,"+86 139 5555 6666"x,,
      ivan,+86 139 7777 8888,yesterday,
      """;

  private static final String CONTACTS_TEXT =
      """
      owner_id,phone,uploaded_at,deleted_at,contact_name
      alice,+86 150 1111 2222,,,Ann
      alice,150-1111-222,,,Ben
      zed,+86 150 3333 4444,,,Cid
      alice,+86 150 5555 6666,2021-01-01,2020-01-01,Dee
      alice,+86 150 7777 8888,never,,Eve
      alice,+86 150 9999 0000,,
      alice,"+86 151 1111 2222"!,,,Fay
      alice,+86 400 812 3123,,,Gus
      alice,+86 138 0013 8001,,,Hal
      ,+86 151 3333 4444,,,Ivy
      alice,"+86 151 5555 6666
      """;

  private static List<String> allPhoneCells() {
    List<String> phones = new ArrayList<>(ACCOUNT_PHONES);
    for (String text : List.of(ACCOUNTS_TEXT, CONTACTS_TEXT)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\+?[(]?[+0-9][0-9 ().-]{8,}[0-9]").matcher(text);
      while (m.find()) {
        if (!m.group().matches("\\d{4}-\\d{2}-\\d{2}")) {
          phones.add(m.group());
        }
      }
    }
    return phones;
  }

  private static String digits(String text) {
    return text.chars()
        .filter(Character::isDigit)
        .mapToObj(c -> String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  private static void assertHoldsNoPhone(String text, List<String> phones) {
    String d = digits(text);
    for (String phone : phones) {
      String p = digits(phone);
      // The national part alone (the last 8 digits) is as revealing as the whole number.
      String national = p.substring(Math.max(0, p.length() - 8));
      assertFalse(
          d.contains(national), "'" + text + "' holds the digits of the phone cell " + phone);
    }
  }

  @Test
  void rejectsHoldNoRawPhoneNumber() {
    Fixture f =
        new Fixture(dir)
            .with(ACCOUNTS, ACCOUNTS_TEXT)
            .with(CONTACTS, CONTACTS_TEXT)
            .with(RECOMMENDATIONS, "viewer_id,candidate_id\n");
    f.read("CN");
    List<String> phones = allPhoneCells();
    assertEquals(
        Set.of(
            Reason.DUPLICATE_ACCOUNT,
            Reason.PHONE_CONFLICT,
            Reason.INVALID_PHONE,
            Reason.INVALID_VALUE,
            Reason.MALFORMED_ROW,
            Reason.INVALID_TIME,
            Reason.UNKNOWN_ACCOUNT,
            Reason.MISSING_FIELD),
        f.rejects.stream().map(Reject::reason).collect(Collectors.toSet()),
        "the fixture exercises every reason a phone row is rejected");
    assertEquals(
        Set.of(Reason.SERVICE_NUMBER, Reason.OWN_NUMBER),
        f.summary(CONTACTS).reasons().keySet().stream()
            .filter(r -> r.outcome() == RowOutcome.IGNORED)
            .collect(Collectors.toSet()));
    for (Reject r : f.rejects) {
      assertHoldsNoPhone(r.column() + " " + r.detail(), phones);
    }
    for (FileSummary s : List.of(f.summary(ACCOUNTS), f.summary(CONTACTS))) {
      assertHoldsNoPhone(String.join(" ", s.unknownColumns()), phones);
    }
  }

  @Test
  void headerErrorsHoldNoRawPhoneNumber() {
    List<String> phones = List.of("+86 138 0013 8002", "138-0013-8009");
    for (String headerless :
        List.of(
            "alice,+86 138 0013 8002\n",
            "alice,+86 138 0013 8002,+86 138 0013 8002\n",
            "\"alice\",\"138-0013-8009\"x\n")) {
      Fixture f = new Fixture(dir).with(CONTACTS, headerless);
      InputException e = assertThrows(InputException.class, () -> f.read("CN"));
      assertHoldsNoPhone(e.getMessage() + " " + e.column(), phones);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        assertHoldsNoPhone(String.valueOf(c.getMessage()), phones);
      }
      Fixture.delete(dir.resolve("contacts.csv"));
    }
  }

  @Test
  void unknownColumnThatLooksLikeDataIsNotListed() {
    Fixture f =
        new Fixture(dir)
            .with(CONTACTS, "owner_id,phone,+86 138 0013 8002,phone_2\nalice,+8613800138003,x,y\n");
    f.read("CN");
    assertEquals(
        List.of("(a cell that looks like data: is the header row missing?)", "phone_2"),
        f.summary(CONTACTS).unknownColumns());
  }
}
