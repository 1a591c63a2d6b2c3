namespace Tessera.Server.Configuration;

/// <summary>How a setting's text is read before the setting interprets it.</summary>
internal enum SettingKind
{
    Integer,

    /// <summary>true/false; a switch on the command line; setParameter also takes 1/0 as mongod does.</summary>
    Boolean,

    String,

    /// <summary>A string that is never echoed in messages, argv or getCmdLineOpts.</summary>
    Password,
}
