using Infra.Platform.Configuration;

namespace Infra.Cli;

/// <summary>Finds the Pulumi project (the folder holding Pulumi.yaml) from a working directory.</summary>
public static class ProjectRoot
{
    public const string ProjectFile = "Pulumi.yaml";
    public const string StackConfigDirectory = "stacks";

    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
            {
                return directory.FullName;
            }
        }
        throw new ConfigError($"no {ProjectFile} found in '{start}' or above: run inside the project or pass --config FILE");
    }
}
