using System.Globalization;
using Infra.Cli;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Pipelines.Cli;

/// <summary><c>dataplatform generate</c>: the course data as files and load scripts, deterministic from a seed and a scale.</summary>
public static class GenerateCommand
{
    public static readonly Command Definition = new(new CommandUsage("generate",
        "dataplatform generate [--seed N] [--scale X] [--bad-row-rate R] [--out DIR] [--format ndjson,csv,mysql,postgresql]",
        "write the course data (default: seed 42, scale 1, rate 0.01, ./course-data)"), Run);

    public const string DefaultFolder = "course-data";

    public static int Run(string[] args, IHost host)
    {
        var settings = new GeneratorSettings();
        var folder = DefaultFolder;
        var formats = DataFormats.All;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": settings = settings with { Seed = CommandLine.NumberValue<int>(args, ref i) }; break;
                case "--scale": settings = settings with { Scale = CommandLine.NumberValue<double>(args, ref i) }; break;
                case "--bad-row-rate": settings = settings with { BadRowRate = CommandLine.NumberValue<double>(args, ref i) }; break;
                case "--out": folder = CommandLine.OptionValue(args, ref i); break;
                case "--format": formats = Formats(CommandLine.OptionValue(args, ref i)); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        var data = new CourseData(DataSettings.Valid(settings));
        var path = Path.GetFullPath(folder, host.WorkingDirectory);
        var summary = DatasetFiles.Write(data, path, formats);
        host.Out.WriteLine($"seed {settings.Seed}, scale {settings.Scale.ToString(CultureInfo.InvariantCulture)}, bad-row rate {settings.BadRowRate.ToString(CultureInfo.InvariantCulture)} -> {path}");
        foreach (var (dataset, rows, bad) in summary)
        {
            host.Out.WriteLine($"  {dataset,-20} {rows,10} rows {bad,6} bad");
        }
        return 0;
    }

    private static DataFormats Formats(string list)
    {
        DataFormats formats = 0;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= Enum.TryParse<DataFormats>(name, ignoreCase: true, out var format) && format != DataFormats.All
                ? format
                : throw new UsageError($"unknown format '{name}': choose from ndjson, csv, mysql, postgresql");
        }
        return formats;
    }
}
