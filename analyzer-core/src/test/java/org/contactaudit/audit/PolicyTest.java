package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheSpec() {
    Policy p = Policy.defaults();
    assertEquals(false, p.acceptDefaultConsent());
    assertEquals(
        List.of(
            Requirement.parse("candidate.contact_upload"),
            Requirement.parse("candidate.suggest_to_contacts"),
            Requirement.parse("viewer.discoverable_by_phone")),
        p.requirements(Kind.REVERSE));
    assertEquals("contact_upload", p.settingName("contact_upload"));
  }

  @Test
  void loadsAPolicyFileOverTheDefaults() throws IOException {
    Path file = dir.resolve("policy.properties");
    Files.writeString(
        file,
        "accept_default_consent = true\n"
            + "setting.contact_upload = upload_address_book\n"
            + "require.chain = viewer.contact_upload, bridge.contact_upload,"
            + " bridge.contacts_for_others, candidate.discoverable_by_phone,"
            + " candidate.suggest_to_contacts\n");
    Policy p = Policy.load(file);
    assertEquals(true, p.acceptDefaultConsent());
    assertEquals("upload_address_book", p.settingName("contact_upload"));
    assertEquals(5, p.requirements(Kind.CHAIN).size());
    assertEquals(Policy.defaults().requirements(Kind.MUTUAL), p.requirements(Kind.MUTUAL));
  }

  @Test
  void unknownKeyIsNamed() throws IOException {
    Path file = dir.resolve("policy.properties");
    Files.writeString(file, "accept_defaults = true\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Policy.load(file));
    assertEquals(
        "policy.properties: key 'accept_defaults' is unknown;"
            + " use accept_default_consent, setting.<name> or require.<kind>",
        e.getMessage());
  }

  @Test
  void invalidValuesAreNamedWithTheirKey() {
    assertEquals(
        "key 'accept_default_consent': 'maybe' is not true or false",
        message(Map.of("accept_default_consent", "maybe")));
    assertEquals(
        "key 'require.chian': unknown kind 'chian'; kinds: reverse, shared_contact, chain,"
            + " co_holder, forward, mutual",
        message(Map.of("require.chian", "viewer.contact_upload")));
    assertEquals(
        "key 'require.reverse': 'owner.contact_upload' names the role 'owner'; use viewer,"
            + " candidate or bridge",
        message(Map.of("require.reverse", "owner.contact_upload")));
    assertEquals(
        "key 'require.forward': forward has no bridge, so 'bridge.contact_upload' cannot apply",
        message(Map.of("require.forward", "bridge.contact_upload")));
    assertEquals(
        "key 'setting.upload': unknown setting; known settings: contact_upload,"
            + " discoverable_by_phone, suggest_to_contacts, contacts_for_others,"
            + " activity_visible_to_contacts",
        message(Map.of("setting.upload", "x")));
  }

  private static String message(Map<String, String> entries) {
    return assertThrows(IllegalArgumentException.class, () -> Policy.fromEntries(entries))
        .getMessage();
  }

  @Test
  void entriesRoundTrip() {
    Policy p = Policy.defaults().toBuilder().acceptDefaultConsent(true).build();
    assertEquals(p, Policy.fromEntries(p.entries()));
  }
}
