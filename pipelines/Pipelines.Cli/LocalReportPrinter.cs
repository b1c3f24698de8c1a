using Infra.Cli;
using Pipelines.Local;

namespace Pipelines.Cli;

/// <summary>The end of a local run as plain text: gold row counts, a few rows of each view, and the reconciliation.</summary>
public static class LocalReportPrinter
{
    public static void Print(RunReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Gold");
        foreach (var table in report.Gold)
        {
            output.WriteLine($"  {table.Course,-8} {table.Model,-32} {table.Rows,10} rows{(table.IsView ? "  (view)" : "")}");
        }
        foreach (var view in report.Views)
        {
            output.WriteLine();
            output.WriteLine($"{view.Course} gold.{view.View} (first rows)");
            output.WriteLine("  " + string.Join(" | ", view.Columns));
            foreach (var row in view.Rows)
            {
                output.WriteLine("  " + string.Join(" | ", row));
            }
        }
        output.WriteLine();
        output.WriteLine("Reconciliation (dataset (where bronze got it): source → bronze → silver in = out + duplicates + quarantined)");
        foreach (var line in report.Reconciliation)
        {
            var exploded = line.Exploded ? "  (silver counts the records' items, one row each)" : "";
            output.WriteLine($"  {line.Course,-8} {$"{line.Dataset} ({line.Origin})",-26} {line.SourceRows,8} → {line.BronzeRows,8} → {line.SilverIn,8} = {line.SilverOut,8} + {line.Duplicates,5} + {line.Quarantined,5}  {(line.Reconciles ? "ok" : "MISMATCH")}{exploded}");
        }
        foreach (var stream in report.Streams)
        {
            output.WriteLine();
            output.WriteLine($"Stream {stream.Stream}: {stream.Produced} produced → {stream.Poll.Records} delivered in {stream.Poll.Invocations} invocations ({stream.Poll.Retries} retries, {stream.Poll.Bisections} bisections) → " +
                $"{stream.Written} written, {stream.Quarantined} quarantined, {stream.Failed} failed, {stream.Poll.FailedBatches.Count} batch(es) to the failure queue  {(stream.Reconciles ? "ok" : "MISMATCH")}");
        }
        if (report.Storage.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Row store (the relational source) vs columnar (silver Parquet on DuckDB): rows, time of a warm run, bytes the query must read");
            foreach (var line in report.Storage)
            {
                output.WriteLine($"  {line.Query,-24} row store {line.RowStoreRows,6} rows {line.RowStoreMs,8:0.0} ms {line.RowStoreBytes,10} B | columnar {line.ColumnarRows,6} rows {line.ColumnarMs,8:0.0} ms {line.ColumnarBytes,10} B");
            }
        }
        output.WriteLine();
        if (report.Failure is { } failure)
        {
            output.WriteLine();
            output.WriteLine($"FAILED at {failure.Course} {failure.Step}{(failure.Dataset is { } dataset ? $" ({dataset})" : "")}: {failure.Reason}");
        }
        output.WriteLine($"{report.Steps.Count} steps {(report.Failure is null ? "" : "finished before it ")}in {report.Steps.Sum(s => s.Seconds):0.0} s; state in {report.Folder} (./infra/dataplatform local clean --stack {report.Stack} removes it)");
    }
}
