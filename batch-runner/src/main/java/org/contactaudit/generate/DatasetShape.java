package org.contactaudit.generate;

import java.util.List;
import java.util.Map;

/**
 * The shape of a generated dataset, written beside it as {@code shape.json}.
 *
 * <p>Numbers are counted over the whole window, whatever the upload, deletion and registration
 * times: a number is a user number when it belongs to an account in {@code accounts.csv}, a shadow
 * number otherwise. Junk cells and service numbers are not numbers here.
 *
 * @param seed the seed of the run
 * @param defaultRegion the region of the numbers
 * @param accounts the accounts written
 * @param deletedAccounts the accounts with a {@code deleted_at}
 * @param uploadedBeforeRegistration the accounts whose number someone uploaded before they
 *     registered
 * @param uploadRows the rows of {@code contacts.csv}: entries, duplicates, re-uploads, junk,
 *     service numbers and own numbers
 * @param distinctNumbers the distinct personal numbers in uploads
 * @param userNumbers those that belong to an account
 * @param shadowNumbers those that belong to no account
 * @param shadowShare {@code shadowNumbers / distinctNumbers}
 * @param shadowNumbersHeldOnce the shadow numbers held by exactly one account
 * @param phonebookSizes the distribution of distinct persons per phonebook
 * @param reciprocity of the account-to-account holds of the sampled accounts, the share that is
 *     returned (the other account holds the holder's number too)
 * @param reciprocitySample how many accounts were sampled for the reciprocity
 * @param topHolderCounts the holder counts of the ten most held numbers
 * @param numbersHeldBy100 the numbers held by at least 100 accounts
 * @param numbersHeldBy1000 the numbers held by at least 1000 accounts
 * @param consentRows the rows of {@code consents.csv}
 * @param recommendationRows the rows of {@code recommendations.csv}
 * @param recommendationsByStrategy how many recommendations each strategy made ({@code recycled}:
 *     forward picks of a deleted account whose number went to a later one, which recommend the
 *     later one; {@code stale}: see {@link Refinements}; {@code self}: junk rows)
 * @param refinements the cases of the refinements of docs/POLICY.md
 */
public record DatasetShape(
    long seed,
    String defaultRegion,
    int accounts,
    long deletedAccounts,
    long uploadedBeforeRegistration,
    long uploadRows,
    long distinctNumbers,
    long userNumbers,
    long shadowNumbers,
    double shadowShare,
    long shadowNumbersHeldOnce,
    PhonebookSizes phonebookSizes,
    double reciprocity,
    int reciprocitySample,
    List<Integer> topHolderCounts,
    long numbersHeldBy100,
    long numbersHeldBy1000,
    long consentRows,
    long recommendationRows,
    Map<String, Long> recommendationsByStrategy,
    Refinements refinements) {

  /**
   * The cases of the refinements of docs/POLICY.md that the dataset holds.
   *
   * @param recycledNumbers numbers of deleted accounts given to a later account, which registered
   *     at or after the deletion
   * @param recycledAtSameInstant those where the later account registered at the very instant of
   *     the deletion
   * @param preRegistrationEntries phonebook entries (first rows; duplicates and re-uploads not
   *     counted) that hold an account's number and were uploaded before the last account to own
   *     that number registered
   * @param preRegistrationConsents accounts whose number was uploaded before they registered that
   *     have a granted {@code discoverable_by_phone} record made before registering or at an
   *     unknown time, and no other record of it but the confirmations
   * @param confirmedAfterRegistration those that grant it again at or after registering
   * @param staleRecommendations recommendations whose only link is one entry that the viewer
   *     deleted at or before they were shown
   * @param recycledRecommendations recommendations of an account to a viewer who holds its number
   *     from the time it belonged to a deleted account
   * @param explanations how the explanation cells were made
   */
  public record Refinements(
      long recycledNumbers,
      long recycledAtSameInstant,
      long preRegistrationEntries,
      long preRegistrationConsents,
      long confirmedAfterRegistration,
      long staleRecommendations,
      long recycledRecommendations,
      Explanations explanations) {}

  /**
   * The explanation cells of {@code recommendations.csv}.
   *
   * @param empty empty cells
   * @param inContacts {@code in_contacts} claims
   * @param hasYourNumber {@code has_your_number} claims
   * @param mutualContacts {@code mutual_contacts:N} claims
   * @param friendOfFriend {@code friend_of_friend} claims
   * @param unrecognized texts that are none of the forms
   * @param fromEvidence claims made from the evidence the strategy found
   * @param atRandom claims drawn at random (often false)
   * @param oddlyWritten claims in odd case or with surrounding blanks
   */
  public record Explanations(
      long empty,
      long inContacts,
      long hasYourNumber,
      long mutualContacts,
      long friendOfFriend,
      long unrecognized,
      long fromEvidence,
      long atRandom,
      long oddlyWritten) {}

  /**
   * The distribution of phonebook sizes (distinct persons held; service numbers and junk not
   * counted), percentiles by nearest rank.
   *
   * @param mean the mean size
   * @param median the median size
   * @param p90 the 90th percentile
   * @param p99 the 99th percentile
   * @param max the largest phonebook
   */
  public record PhonebookSizes(double mean, int median, int p90, int p99, int max) {}
}
