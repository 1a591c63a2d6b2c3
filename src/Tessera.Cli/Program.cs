using System.CommandLine;
using Tessera.Cli.Certs;
using Tessera.Cli.ConnectionStrings;
using Tessera.Cli.Doctor;
using Tessera.Cli.Serve;

var root = new RootCommand("Tessera: a MongoDB-compatible server and toolkit whose identity layer is TLS and X.509.");
root.Subcommands.Add(CertsCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(UriCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
