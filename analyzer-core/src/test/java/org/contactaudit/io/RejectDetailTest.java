package org.contactaudit.io;

import static org.contactaudit.io.Fixture.reject;
import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONSENTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.contactaudit.io.InputFile.RECOMMENDATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.contactaudit.phone.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rejects name accounts as structured parts, never in text to be parsed back; an id cell that may
 * be a phone number is never echoed.
 */
class RejectDetailTest {
  private static final Pseudonymizer KEY =
      Pseudonymizer.withKey("a-test-key-of-more-than-16-bytes".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  private Fixture phoneLikeIds() {
    return new Fixture(dir)
        .with(
            ACCOUNTS,
            """
            account_id,phone,registered_at,deleted_at
            alice,+8613800138001,,
            bob,+8613800138002,,
            o'brien,+8613800138003,2020-01-01,
            """)
        .with(
            CONTACTS,
            """
            owner_id,phone
            139 1234 5678,+8613800138002
            u1234,+8613800138002
            """)
        .with(
            CONSENTS,
            """
            account_id,setting,value
            +86 139 1234 5678,contact_upload,true
            """)
        .with(
            RECOMMENDATIONS,
            """
            viewer_id,candidate_id,shown_at
            alice,anna13912345678,
            alice,o'brien,2019-01-01
            """);
  }

  @Test
  void anIdCellThatMayBeANumberIsNotShownWithoutAKey() {
    Fixture f = phoneLikeIds();
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                2,
                "owner_id",
                Reason.UNKNOWN_ACCOUNT,
                "the owner_id cell names no account in accounts.csv (not shown: it may be a phone"
                    + " number)"),
            reject(
                CONTACTS,
                3,
                "owner_id",
                Reason.UNKNOWN_ACCOUNT,
                "account 'u1234' is not in accounts.csv"),
            reject(
                CONSENTS,
                2,
                "account_id",
                Reason.UNKNOWN_ACCOUNT,
                "the account_id cell names no account in accounts.csv (not shown: it may be a"
                    + " phone number)"),
            reject(
                RECOMMENDATIONS,
                2,
                "candidate_id",
                Reason.UNKNOWN_ACCOUNT,
                "the candidate_id cell names no account in accounts.csv (not shown: it may be a"
                    + " phone number)"),
            reject(
                RECOMMENDATIONS,
                3,
                "candidate_id",
                Reason.ACCOUNT_NOT_LIVE,
                "candidate 'o'brien' did not exist when the recommendation was shown")),
        f.rejects);
    assertEquals(List.of("u1234"), f.rejects.get(1).detail().accounts());
    assertEquals(List.of(), f.rejects.get(0).detail().accounts());
    assertEquals(List.of("o'brien"), f.rejects.get(4).detail().accounts());
    assertEquals(
        "candidate <o'brien> did not exist when the recommendation was shown",
        f.rejects
            .get(4)
            .detail()
            .render(id -> "<" + id + ">")
            .replace("'<", "<")
            .replace(">'", ">"));
  }

  @Test
  void withAKeyAnIdCellThatMayBeANumberIsNamedByTheNumbersPseudonym() {
    Fixture f = phoneLikeIds();
    f.read(ReadOptions.builder().defaultRegion("CN").numberNames(KEY).build());
    String number = KEY.pseudonym("+8613912345678");
    assertEquals(
        "the owner_id cell names no account in accounts.csv (it may be a phone number: number "
            + number
            + ")",
        f.rejects.get(0).detail().toString());
    assertEquals(
        "the account_id cell names no account in accounts.csv (it may be a phone number: number "
            + number
            + ")",
        f.rejects.get(2).detail().toString());
    assertEquals(
        "the candidate_id cell names no account in accounts.csv (it may be a phone number: number "
            + number
            + ")",
        f.rejects.get(3).detail().toString());
  }

  @Test
  void aCellMayBeAPhoneNumberFromFiveDigitsOn() {
    assertFalse(RowClassifier.mayBePhoneNumber("u1234"));
    assertFalse(RowClassifier.mayBePhoneNumber("a1-b2-c3-d4"));
    assertTrue(RowClassifier.mayBePhoneNumber("u12345"));
    assertTrue(RowClassifier.mayBePhoneNumber("(139) 12"));
  }
}
