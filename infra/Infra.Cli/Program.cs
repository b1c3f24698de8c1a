using Infra.Cli;

return CommandLine.Run(args, new ProcessHost());
