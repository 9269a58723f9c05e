/**
 * The file formats of the {@code crm} command line, and the one strict reader every command uses:
 * {@link io.crmkit.cli.format.CsvInput} opens a UTF-8 CSV file (a byte-order mark allowed, other
 * encodings refused by name), matches its header against a
 * {@link io.crmkit.cli.format.CsvInput.Schema} of required and optional columns with aliases
 * (duplicates, unknown and misspelt columns refused), and streams rows whose cells are read with
 * the number, date and customer-id grammar of {@link io.crmkit.cli.format.Values}; every refusal
 * is an {@link io.crmkit.cli.format.InputException} of one line,
 * {@code file:line: field 'value': rule}, with personal data masked. A new command reads its CSV
 * like this: {@code try (CsvInput in = CsvInput.open(path, CsvInput.Schema.of(Others.REFUSE)
 * .required("customer_id").optional("points"))) { int id = in.column("customer_id"); while
 * (in.next()) { String c = in.customerId(id); ... } }}, keeps what it needs in primitive columns
 * ({@link io.crmkit.cli.format.CustomerIndex} interns ids), and writes nothing until the whole
 * input has been read. The package also holds the command-specific formats: transaction logs
 * ({@link io.crmkit.cli.format.TransactionLog}), customer summaries
 * ({@link io.crmkit.cli.format.SummaryCsv}), tier policies
 * ({@link io.crmkit.cli.format.TierPolicyJson}), complaint scripts
 * ({@link io.crmkit.cli.format.ComplaintScript}) and the CSV output of {@link io.crmkit.cli.format.Csv}; tables
 * with a row per customer are written through {@link io.crmkit.cli.format.CsvRows} (the same
 * characters as Commons CSV's printer, cells appended into one buffer, numbers without
 * intermediate strings), in blocks on every core where {@link io.crmkit.cli.format.OrderedBlocks}
 * pays.
 */
package io.crmkit.cli.format;
