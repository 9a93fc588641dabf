package org.contactaudit.io;

import static org.contactaudit.io.Fixture.reject;
import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONSENTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.contactaudit.io.InputFile.RECOMMENDATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One fixture per reason a row is rejected or ignored, with the exact reject and counts. */
class DatasetReaderRejectsTest {
  private static final String QUOTES =
      "unbalanced or misplaced quotes; quote a whole field as \"...\"";

  @TempDir Path dir;

  private Fixture fixture() {
    return new Fixture(dir);
  }

  private static int holds(AuditInput in, String owner, String e164, long t) {
    ContactGraph g = in.graph();
    int number = g.numberIndex(Long.parseLong(e164.substring(1)));
    return number >= 0 && g.holds(g.accountIndex(owner), number, t) ? 1 : 0;
  }

  @Test
  void defaultFixtureIsReadWithoutRejects() {
    Fixture f = fixture();
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(ACCOUNTS, 4, 4, 0, 0, 0);
    f.assertCounts(CONTACTS, 1, 1, 0, 0, 0);
    f.assertCounts(CONSENTS, 1, 1, 0, 0, 0);
    f.assertCounts(RECOMMENDATIONS, 1, 1, 0, 0, 0);
    assertEquals(4, in.graph().accountCount());
    assertEquals(1, in.recommendations().size());
    assertTrue(in.sourceChecked());
  }

  @Test
  void wrongFieldCountIsMalformedWithTheFieldCounts() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,+8613800138002
                alice,+8613800138003,extra
                bob
                bob,+8613800138001
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(CONTACTS, 3, "", Reason.MALFORMED_ROW, "3 fields where the header has 2"),
            reject(CONTACTS, 4, "", Reason.MALFORMED_ROW, "1 field where the header has 2")),
        f.rejects);
    f.assertCounts(CONTACTS, 4, 2, 0, 0, 2);
  }

  @Test
  void quoteLeftOpenInTheLastColumnUntilTheEndOfTheFileIsMalformed() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,+8613800138002
                bob,"+8613800138001
                carol,+8613800138004
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(reject(CONTACTS, 3, "", Reason.MALFORMED_ROW, QUOTES)), f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
    assertEquals(1, in.graph().entryCount());
  }

  @Test
  void quoteLeftOpenInTheFirstColumnUntilTheEndOfTheFileIsMalformed() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,+8613800138002
                "bob,+8613800138001
                carol,+8613800138004
                """);
    f.read("CN");
    assertEquals(List.of(reject(CONTACTS, 3, "", Reason.MALFORMED_ROW, QUOTES)), f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
  }

  @Test
  void characterAfterClosingQuoteRejectsOnlyThatRowAndLaterRowsAreRead() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,"+8613800138002"x,"tail"y
                bob,+8613800138001
                bob,+8613800138003
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(reject(CONTACTS, 2, "", Reason.MALFORMED_ROW, QUOTES)), f.rejects);
    f.assertCounts(CONTACTS, 3, 2, 0, 0, 1);
    assertEquals(2, in.graph().contactCount(in.graph().accountIndex("bob")));
    assertEquals(0, in.graph().contactCount(in.graph().accountIndex("alice")));
  }

  @Test
  void characterAfterClosingQuoteOfAFieldOverTwoLinesKeepsLaterLineNumbers() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,"+86138
                00138002"x
                bob,+8613800138001
                bob,nonsense
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(CONTACTS, 2, "", Reason.MALFORMED_ROW, QUOTES),
            reject(
                CONTACTS,
                5,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region CN")),
        f.rejects);
    f.assertCounts(CONTACTS, 3, 1, 0, 0, 2);
  }

  @Test
  void characterAfterClosingQuoteOnTheLastLineWithoutNewline() {
    Fixture f =
        fixture().with(CONTACTS, "owner_id,phone\nbob,+8613800138001\nalice,\"+8613800138002\"x");
    f.read("CN");
    assertEquals(List.of(reject(CONTACTS, 3, "", Reason.MALFORMED_ROW, QUOTES)), f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
  }

  @Test
  void emptyRequiredCellIsMissingFieldNamingTheFirstEmptyColumn() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                ,+8613800138002
                alice,\s\s
                ,
                """)
            .with(
                CONSENTS,
                """
                account_id,setting,value
                alice,,true
                alice,contact_upload,
                """)
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id
                alice,
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(CONTACTS, 2, "owner_id", Reason.MISSING_FIELD, "the owner_id cell is empty"),
            reject(CONTACTS, 3, "phone", Reason.MISSING_FIELD, "the phone cell is empty"),
            reject(CONTACTS, 4, "owner_id", Reason.MISSING_FIELD, "the owner_id cell is empty"),
            reject(CONSENTS, 2, "setting", Reason.MISSING_FIELD, "the setting cell is empty"),
            reject(CONSENTS, 3, "value", Reason.MISSING_FIELD, "the value cell is empty"),
            reject(
                RECOMMENDATIONS,
                2,
                "candidate_id",
                Reason.MISSING_FIELD,
                "the candidate_id cell is empty")),
        f.rejects);
    f.assertCounts(CONTACTS, 3, 0, 0, 0, 3);
    f.assertCounts(CONSENTS, 2, 0, 0, 0, 2);
    f.assertCounts(RECOMMENDATIONS, 1, 0, 0, 0, 1);
    assertEquals(Map.of(Reason.MISSING_FIELD, 3L), f.summary(CONTACTS).reasons());
  }

  @Test
  void unparsablePhoneIsInvalidPhoneNamingTheDefaultRegion() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone
                alice,+8613800138001
                bob,13800138002
                eve,+1 800 555 0199
                """)
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,not a number
                alice,+86 138 0013 8003
                """)
            .with(RECOMMENDATIONS, "viewer_id,candidate_id\n");
    f.read("ZZ");
    assertEquals(
        List.of(
            reject(
                ACCOUNTS,
                3,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region ZZ"),
            reject(
                ACCOUNTS,
                4,
                "phone",
                Reason.INVALID_PHONE,
                "a service number (short code, toll-free, premium-rate, shared-cost or UAN)"
                    + " cannot be an account's own number"),
            reject(
                CONTACTS,
                2,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region ZZ")),
        f.rejects);
    f.assertCounts(ACCOUNTS, 3, 1, 0, 0, 2);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
  }

  @Test
  void unparsableTimeIsInvalidTimeInEveryFile() {
    String detail = "not an ISO-8601 instant (2020-06-01T10:00:00Z) or date (2020-06-01)";
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone,registered_at,deleted_at
                alice,+8613800138001,2020-01-01,
                bob,+8613800138002,,01/02/2021
                dave,+8613800138004,,
                """)
            .with(
                CONTACTS,
                """
                owner_id,phone,uploaded_at,deleted_at
                alice,+8613800138003,yesterday,
                alice,+8613800138004,2020-06-01T10:00:00,
                alice,+8613800138005,2020-06-01T10:00:00+08:00,
                """)
            .with(
                CONSENTS,
                """
                account_id,setting,value,updated_at
                alice,contact_upload,true,2020-13-01
                """)
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id,shown_at
                alice,dave,noon
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(ACCOUNTS, 3, "deleted_at", Reason.INVALID_TIME, detail),
            reject(CONTACTS, 2, "uploaded_at", Reason.INVALID_TIME, detail),
            reject(CONTACTS, 3, "uploaded_at", Reason.INVALID_TIME, detail),
            reject(CONSENTS, 2, "updated_at", Reason.INVALID_TIME, detail),
            reject(RECOMMENDATIONS, 2, "shown_at", Reason.INVALID_TIME, detail)),
        f.rejects);
    f.assertCounts(ACCOUNTS, 3, 2, 0, 0, 1);
    f.assertCounts(CONTACTS, 3, 1, 0, 0, 2);
  }

  @Test
  void badValuesAreInvalidValue() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone,registered_at,deleted_at
                alice,+8613800138001,2020-01-01,
                bob,+8613800138002,2021-01-01,2020-01-01
                """)
            .with(
                CONTACTS,
                """
                owner_id,phone,uploaded_at,deleted_at
                alice,+8613800138003,2020-06-02,2020-06-01
                alice,+8613800138004,2020-06-01,2020-06-01
                """)
            .with(RECOMMENDATIONS, "viewer_id,candidate_id\n")
            .with(
                CONSENTS,
                """
                account_id,setting,value,source
                alice,contact_upload,maybe,explicit
                alice,contact_upload,TRUE,implicit
                alice,contact_upload,Yes,Default
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                ACCOUNTS,
                3,
                "deleted_at",
                Reason.INVALID_VALUE,
                "deleted_at is before the start of the interval"),
            reject(
                CONTACTS,
                2,
                "deleted_at",
                Reason.INVALID_VALUE,
                "deleted_at is before the start of the interval"),
            reject(
                CONSENTS,
                2,
                "value",
                Reason.INVALID_VALUE,
                "expected true/false, 1/0, yes/no or on/off"),
            reject(CONSENTS, 3, "source", Reason.INVALID_VALUE, "expected explicit or default")),
        f.rejects);
    f.assertCounts(ACCOUNTS, 2, 1, 0, 0, 1);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
    f.assertCounts(CONSENTS, 3, 1, 0, 0, 2);
  }

  @Test
  void idsMissingFromAccountsAreUnknownAccountInEachRole() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                zed,+8613800138002
                """)
            .with(
                CONSENTS,
                """
                account_id,setting,value
                yves,contact_upload,true
                """)
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id
                xena,alice
                alice,walt
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                2,
                "owner_id",
                Reason.UNKNOWN_ACCOUNT,
                "account 'zed' is not in accounts.csv"),
            reject(
                CONSENTS,
                2,
                "account_id",
                Reason.UNKNOWN_ACCOUNT,
                "account 'yves' is not in accounts.csv"),
            reject(
                RECOMMENDATIONS,
                2,
                "viewer_id",
                Reason.UNKNOWN_ACCOUNT,
                "account 'xena' is not in accounts.csv"),
            reject(
                RECOMMENDATIONS,
                3,
                "candidate_id",
                Reason.UNKNOWN_ACCOUNT,
                "account 'walt' is not in accounts.csv")),
        f.rejects);
    f.assertCounts(RECOMMENDATIONS, 2, 0, 0, 0, 2);
  }

  @Test
  void sameAccountIdWithOtherDataIsDuplicateAccountAndAnExactRepeatIsADuplicate() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone,registered_at
                alice,+8613800138001,2020-01-01
                bob,+8613800138002,2020-01-01
                alice,+8613800138009,2020-01-01
                alice,+8613800138001,2020-02-01
                alice,+86 138 0013 8001,2020-01-01T00:00:00Z
                """);
    AuditInput in = f.read("CN");
    String detail = "account 'alice' is given on line 2 with other data; keep one row per account";
    assertEquals(
        List.of(
            reject(ACCOUNTS, 4, "account_id", Reason.DUPLICATE_ACCOUNT, detail),
            reject(ACCOUNTS, 5, "account_id", Reason.DUPLICATE_ACCOUNT, detail)),
        f.rejects);
    f.assertCounts(ACCOUNTS, 5, 2, 1, 0, 2);
    assertEquals(2, in.graph().accountCount());
  }

  @Test
  void numberOfAnotherAccountIsPhoneConflict() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone
                alice,+8613800138001
                bob,+8613800138002
                erin,+86 138-0013-8002
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                ACCOUNTS,
                4,
                "phone",
                Reason.PHONE_CONFLICT,
                "the number belongs to account 'bob' (line 3) at the same time; accounts may share"
                    + " a number only when their lifetimes (registered_at to deleted_at) do not"
                    + " overlap")),
        f.rejects);
    f.assertCounts(ACCOUNTS, 3, 2, 0, 0, 1);
  }

  @Test
  void recycledNumberIsAcceptedOnlyWhenLifetimesDoNotOverlap() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone,registered_at,deleted_at
                alice,+8613800138001,,
                bob,+8613800138009,,
                dan,+8613800138002,2018-01-01,2019-06-01
                erin,+86 138-0013-8002,2019-06-01,
                gus,13800138002,2019-05-31,2019-06-02
                ivy,13800138002,,2017-01-01
                """);
    AuditInput in = f.read("CN");
    // erin takes the number the instant dan is deleted; gus overlaps both; ivy left before dan
    assertEquals(
        List.of(
            reject(
                ACCOUNTS,
                6,
                "phone",
                Reason.PHONE_CONFLICT,
                "the number belongs to account 'dan' (line 4) at the same time; accounts may share"
                    + " a number only when their lifetimes (registered_at to deleted_at) do not"
                    + " overlap")),
        f.rejects);
    f.assertCounts(ACCOUNTS, 6, 5, 0, 0, 1);
    ContactGraph g = in.graph();
    long key = g.numberKey(g.accountIndex("dan"));
    assertEquals(g.accountIndex("ivy"), g.ownerAt(key, Times.parse("2016-01-01")));
    assertEquals(-1, g.ownerAt(key, Times.parse("2017-06-01")));
    assertEquals(g.accountIndex("dan"), g.ownerAt(key, Times.parse("2019-05-31T23:59:59Z")));
    assertEquals(g.accountIndex("erin"), g.ownerAt(key, Times.parse("2019-06-01")));
  }

  @Test
  void viewerShownThemselvesIsSelfRecommendation() {
    Fixture f =
        fixture()
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id
                alice,alice
                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                RECOMMENDATIONS,
                2,
                "candidate_id",
                Reason.SELF_RECOMMENDATION,
                "the viewer is shown their own account")),
        f.rejects);
    f.assertCounts(RECOMMENDATIONS, 1, 0, 0, 0, 1);
  }

  @Test
  void accountsThatDidNotExistWhenShownAreAccountNotLive() {
    Fixture f =
        fixture()
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id,shown_at
                alice,carol,2021-01-01
                alice,carol,2020-12-31T23:59:59Z
                alice,bob,2019-12-31
                alice,carol,
                dave,alice,
                """);
    AuditInput in = f.read("CN");
    assertEquals(
        List.of(
            reject(
                RECOMMENDATIONS,
                2,
                "candidate_id",
                Reason.ACCOUNT_NOT_LIVE,
                "candidate 'carol' did not exist when the recommendation was shown"),
            reject(
                RECOMMENDATIONS,
                4,
                "viewer_id",
                Reason.ACCOUNT_NOT_LIVE,
                "viewer 'alice' did not exist when the recommendation was shown"),
            reject(
                RECOMMENDATIONS,
                5,
                "candidate_id",
                Reason.ACCOUNT_NOT_LIVE,
                "candidate 'carol' did not exist when the recommendation was shown")),
        f.rejects);
    f.assertCounts(RECOMMENDATIONS, 5, 2, 0, 0, 3);
    assertEquals(3, in.recommendations().line(0));
    assertEquals(6, in.recommendations().line(1));
    assertEquals(Times.ALWAYS, in.recommendations().shownAt(1));
    assertEquals(Times.END_OF_TIME, in.judgedAt(1));
  }

  @Test
  void recommendationWithoutShownAtIsJudgedAtTheAsOfTime(@TempDir Path other) {
    long asOf = Times.parse("2020-06-01");
    Fixture f =
        new Fixture(other)
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id
                alice,carol
                """);
    AuditInput in = f.read(ReadOptions.builder().defaultRegion("CN").asOf(asOf).build());
    assertEquals(List.of(), f.rejects);
    assertEquals(asOf, in.judgedAt(0));
  }

  @Test
  void serviceNumbersInPhonebooksAreIgnoredAndNotRejected() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,10086
                alice,95588
                alice,400-812-3123
                alice,+1 800 555 0199
                alice,+8613800138002
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(CONTACTS, 5, 1, 0, 4, 0);
    assertEquals(Map.of(Reason.SERVICE_NUMBER, 4L), f.summary(CONTACTS).reasons());
    assertEquals(1, in.graph().entryCount());
  }

  @Test
  void usTollFreeNumberIsIgnoredWithUsDefaultRegion() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,1-800-555-0199
                alice,(650) 253-0000
                """);
    AuditInput in = f.read("US");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 1, 0);
    assertEquals(Map.of(Reason.SERVICE_NUMBER, 1L), f.summary(CONTACTS).reasons());
    assertTrue(in.graph().numberIndex(16502530000L) >= 0);
  }

  @Test
  void ownNumberInOwnPhonebookIsIgnored() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,138 0013 8001
                alice,+8613800138002
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 1, 0);
    assertEquals(Map.of(Reason.OWN_NUMBER, 1L), f.summary(CONTACTS).reasons());
    assertFalse(in.graph().holds(0, 0));
  }

  @Test
  void repeatedEntriesAreMergedAndOtherTimesAreAnotherIntervalOfTheSameEntry() {
    Fixture f =
        fixture()
            .with(
                CONTACTS,
                """
                owner_id,phone,uploaded_at,deleted_at
                alice,+8613800138002,2020-01-01,
                alice,+8613800138002,2020-01-01,
                alice,138 0013 8002,2020-01-01T00:00:00Z,
                bob,+8613800138001,2020-01-01,2020-02-01
                bob,+8613800138001,2020-03-01,
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(CONTACTS, 5, 3, 2, 0, 0);
    assertEquals(2, in.graph().entryCount());
    String bobsPhonebookHoldsAlice = "+8613800138001";
    assertEquals(1, holds(in, "bob", bobsPhonebookHoldsAlice, Times.parse("2020-01-15")));
    assertEquals(0, holds(in, "bob", bobsPhonebookHoldsAlice, Times.parse("2020-02-15")));
    assertEquals(1, holds(in, "bob", bobsPhonebookHoldsAlice, Times.parse("2021-01-01")));
  }

  @Test
  void repeatedConsentsAndRecommendationsAreMerged() {
    Fixture f =
        fixture()
            .with(
                CONSENTS,
                """
                account_id,setting,value,source,updated_at
                alice,contact_upload,true,explicit,2020-01-01
                alice,Contact_Upload,yes,EXPLICIT,2020-01-01T00:00:00Z
                alice,contact_upload,true,default,2020-01-01
                bob,contact_upload,on,,
                bob,contact_upload,1,explicit,
                """)
            .with(
                RECOMMENDATIONS,
                """
                viewer_id,candidate_id,shown_at,surface,explanation
                alice,bob,2020-06-01,feed,in_contacts
                alice,bob,2020-06-01T00:00:00Z,feed,in_contacts
                alice,bob,2020-06-01,feed,mutual_contacts:1
                alice,bob,2020-06-01,search,in_contacts
                alice,bob,,feed,in_contacts
                """);
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    f.assertCounts(CONSENTS, 5, 3, 2, 0, 0);
    f.assertCounts(RECOMMENDATIONS, 5, 4, 1, 0, 0);
    assertEquals(3, in.consents().recordCount());
    assertEquals(
        List.of(2L, 4L, 5L, 6L),
        List.of(
            in.recommendations().line(0),
            in.recommendations().line(1),
            in.recommendations().line(2),
            in.recommendations().line(3)));
  }

  @Test
  void missingSourceColumnMeansExplicitAndIsReported() {
    Fixture f =
        fixture()
            .with(
                CONSENTS,
                """
                account_id,setting,value
                alice,contact_upload,true
                """);
    AuditInput in = f.read("CN");
    assertFalse(in.sourceChecked());
    int setting = in.consents().settingIndex("contact_upload");
    assertTrue(in.consents().granted(0, setting, Times.END_OF_TIME, false));
  }

  @Test
  void tokenModeComparesTrimmedCellsVerbatim() {
    Fixture f =
        fixture()
            .with(
                ACCOUNTS,
                """
                account_id,phone
                alice,tok-a
                bob,tok-b
                carol,TOK-B
                """)
            .with(
                CONTACTS,
                """
                owner_id,phone
                alice,  tok-b\s
                alice,10086
                alice,tok-a
                bob,tok-b
                bob,tok-c
                bob,tok-c
                """);
    AuditInput in =
        f.read(ReadOptions.builder().phoneMode(PhoneMode.TOKENS).defaultRegion("xx").build());
    assertEquals(List.of(), f.rejects);
    f.assertCounts(ACCOUNTS, 3, 3, 0, 0, 0);
    f.assertCounts(CONTACTS, 6, 3, 1, 2, 0);
    assertEquals(Map.of(Reason.OWN_NUMBER, 2L), f.summary(CONTACTS).reasons());
    ContactGraph g = in.graph();
    assertTrue(g.holds(g.accountIndex("alice"), g.accountIndex("bob")));
    assertFalse(g.holds(g.accountIndex("alice"), g.accountIndex("carol")));
    assertEquals(PhoneMode.TOKENS, in.decoder().mode());
    assertEquals("10086", in.decoder().canonical(g.numberKey(g.contacts(0)[1])));
  }
}
