return CqcGuide.Cli.CliApp.Run(args, Console.Out, Console.Error);
