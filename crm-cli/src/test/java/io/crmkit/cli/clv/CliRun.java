package io.crmkit.cli.clv;

import io.crmkit.cli.Crm;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code crm} in-process for the tests of the {@code crm clv} commands. */
final class CliRun {

    private CliRun() {
    }

    /** One run: the exit status and what went to standard output and standard error. */
    record Run(int code, String out, String err) {
    }

    static Run crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
