package org.contactaudit.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * One consent a piece of evidence needs: a role and a setting, written {@code role.setting} (such
 * as {@code candidate.suggest_to_contacts}). The setting is a policy's logical name; the policy
 * maps it to the name the app's consents file uses.
 *
 * @param role whose consent
 * @param setting the logical setting name, lower case
 */
public record Requirement(Role role, String setting) {
  /** Validates and lower-cases the setting. */
  public Requirement {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(setting, "setting");
    setting = setting.strip().toLowerCase(Locale.ROOT);
    if (setting.isEmpty()) {
      throw new IllegalArgumentException("a requirement needs a setting name after the role");
    }
  }

  /**
   * Parses {@code role.setting}.
   *
   * @throws IllegalArgumentException naming the text when the role is not viewer, candidate or
   *     bridge
   */
  public static Requirement parse(String text) {
    String s = text.strip();
    int dot = s.indexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException(
          "'" + s + "' is not role.setting (such as viewer.contact_upload)");
    }
    String role = s.substring(0, dot).toLowerCase(Locale.ROOT);
    for (Role r : Role.values()) {
      if (r.label().equals(role)) {
        return new Requirement(r, s.substring(dot + 1));
      }
    }
    throw new IllegalArgumentException(
        "'" + s + "' names the role '" + role + "'; use viewer, candidate or bridge");
  }

  /** The text {@code role.setting}. */
  public String label() {
    return role.label() + "." + setting;
  }

  @Override
  public String toString() {
    return label();
  }
}
