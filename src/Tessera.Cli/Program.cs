using System.CommandLine;
using Tessera.Cli.Certs;

var root = new RootCommand("Tessera: a MongoDB-compatible server and toolkit whose identity layer is TLS and X.509.");
root.Subcommands.Add(CertsCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
