using Infra.Cli;
using Pipelines.Generator;

namespace Pipelines.Cli;

/// <summary>The data settings a command was given, checked by the generator's own rule (one rule for every command).</summary>
public static class DataSettings
{
    /// <summary>The settings as the generator validates them; out of range is a usage error naming the bound.</summary>
    public static GeneratorSettings Valid(GeneratorSettings settings)
    {
        try
        {
            return settings.Validated();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageError(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
