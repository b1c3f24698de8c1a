using Infra.Cli;
using Pipelines.Local;
using Spectre.Console;

namespace Pipelines.Cli;

/// <summary>At a terminal: one table row per step, shown running, then with its time and counts.</summary>
public sealed class LiveProgress(Table table, LiveDisplayContext live) : IRunProgress
{
    public static Table NewTable() => new Table().Border(TableBorder.Rounded).AddColumns("course", "step", "time", "result");

    public void Started(string course, string step)
    {
        table.AddRow(Markup.Escape(course), Markup.Escape(step), "", "[yellow]running…[/]");
        live.Refresh();
    }

    public void Failed(string course, string step, string reason)
    {
        table.UpdateCell(table.Rows.Count - 1, 3, $"[red]failed: {Markup.Escape(reason)}[/]");
        live.Refresh();
    }

    public void Note(string message)
    {
        table.Caption(Markup.Escape(message));
        live.Refresh();
    }

    public void Finished(StepReport step)
    {
        var row = table.Rows.Count - 1;
        table.UpdateCell(row, 2, $"{step.Seconds:0.00} s");
        table.UpdateCell(row, 3, $"[green]{Markup.Escape(step.Detail)}[/]");
        live.Refresh();
    }
}
