package org.contactaudit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: {@code contact-audit <subcommand>}. */
@Command(
    name = "contact-audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Finds the friend recommendations that disclose relationships nobody consented to disclose.",
      "Reads accounts.csv, contacts.csv, consents.csv and recommendations.csv exports."
    },
    subcommands = {
      AuditCommand.class,
      ValidateCommand.class,
      SimulateCommand.class,
      GenerateCommand.class
    })
class ContactAuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
