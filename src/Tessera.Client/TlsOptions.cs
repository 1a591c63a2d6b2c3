using System.Text;

namespace Tessera.Client;

/// <summary>
/// The TLS options as typed properties: C#'s counterpart of PyMongo's keyword arguments. Null means "not given",
/// which matters: the conflict rules go by presence, and only given options turn TLS on implicitly.
/// <see cref="Resolve"/> applies the same rules a connection string gets; <see cref="CheckFilesReadable"/> is the
/// separate file check (PyMongo opens the files while validating; here parsing alone never touches the disk).
/// </summary>
public sealed record TlsOptions
{
    public static TlsOptions None { get; } = new();

    public bool? Tls { get; init; }

    public bool? TlsInsecure { get; init; }

    public bool? TlsAllowInvalidCertificates { get; init; }

    public bool? TlsAllowInvalidHostnames { get; init; }

    public string? TlsCAFile { get; init; }

    public string? TlsCRLFile { get; init; }

    public string? TlsCertificateKeyFile { get; init; }

    public string? TlsCertificateKeyFilePassword { get; init; }

    public bool? TlsDisableOCSPEndpointCheck { get; init; }

    public bool? TlsDisableCertificateRevocationCheck { get; init; }

    /// <summary>
    /// Whether Tessera.Client checks OCSP (the server's stapled response, then its responders): on unless false. Not a
    /// URI option: PyMongo decides it by its TLS back-end (pyOpenSSL checks OCSP, the standard library checks tlsCRLFile)
    /// and never does both; false is how a program chooses tlsCRLFile instead.
    /// </summary>
    public bool? Ocsp { get; init; }

    /// <summary>These options, with every option given in <paramref name="overrides"/> replacing this one's (keyword arguments over the URI, as in PyMongo).</summary>
    public TlsOptions OverriddenBy(TlsOptions overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new TlsOptions
        {
            Tls = overrides.Tls ?? Tls,
            TlsInsecure = overrides.TlsInsecure ?? TlsInsecure,
            TlsAllowInvalidCertificates = overrides.TlsAllowInvalidCertificates ?? TlsAllowInvalidCertificates,
            TlsAllowInvalidHostnames = overrides.TlsAllowInvalidHostnames ?? TlsAllowInvalidHostnames,
            TlsCAFile = overrides.TlsCAFile ?? TlsCAFile,
            TlsCRLFile = overrides.TlsCRLFile ?? TlsCRLFile,
            TlsCertificateKeyFile = overrides.TlsCertificateKeyFile ?? TlsCertificateKeyFile,
            TlsCertificateKeyFilePassword = overrides.TlsCertificateKeyFilePassword ?? TlsCertificateKeyFilePassword,
            TlsDisableOCSPEndpointCheck = overrides.TlsDisableOCSPEndpointCheck ?? TlsDisableOCSPEndpointCheck,
            TlsDisableCertificateRevocationCheck = overrides.TlsDisableCertificateRevocationCheck ?? TlsDisableCertificateRevocationCheck,
            Ocsp = overrides.Ocsp ?? Ocsp,
        };
    }

    /// <summary>
    /// Applies the rules and gives the settings a connection is built from. Throws <see cref="InvalidUriException"/>
    /// for conflicting options and <see cref="ClientConfigurationException"/> when tls=false contradicts other options.
    /// </summary>
    public TlsSettings Resolve()
    {
        TlsConflictRules.Check(PresentNames());

        var allowInvalidCertificates = TlsAllowInvalidCertificates;
        var allowInvalidHostnames = TlsAllowInvalidHostnames;
        var disableOcsp = TlsDisableOCSPEndpointCheck;

        // A certificate that is not validated has no revocation status worth asking a responder about (PyMongo).
        if (allowInvalidCertificates == true)
        {
            disableOcsp = true;
        }

        CheckCrlCompatibility(disableOcsp);

        // tlsInsecure is shorthand for the three options it relaxes, all with its value.
        if (TlsInsecure is bool insecure)
        {
            allowInvalidCertificates = allowInvalidHostnames = disableOcsp = insecure;
        }

        return new TlsSettings
        {
            Enabled = IsEnabled(allowInvalidCertificates, allowInvalidHostnames, disableOcsp),
            AllowInvalidCertificates = allowInvalidCertificates ?? false,
            AllowInvalidHostnames = allowInvalidHostnames ?? false,
            DisableOcspEndpointCheck = disableOcsp ?? false,
            DisableCertificateRevocationCheck = TlsDisableCertificateRevocationCheck ?? false,
            CAFile = TlsCAFile,
            CrlFile = TlsCRLFile,
            CertificateKeyFile = TlsCertificateKeyFile,
            CertificateKeyFilePassword = TlsCertificateKeyFilePassword,
            Ocsp = Ocsp ?? true,
        };
    }

    /// <summary>
    /// Opens each file option once, as PyMongo's validate_readable does, so a wrong path is reported now, naming the
    /// option, rather than later as an obscure TLS failure. Relative paths are from the working directory.
    /// </summary>
    public void CheckFilesReadable()
    {
        foreach (var (name, path) in new[]
                 {
                     (UriOptionNames.TlsCAFile, TlsCAFile),
                     (UriOptionNames.TlsCertificateKeyFile, TlsCertificateKeyFile),
                     (UriOptionNames.TlsCRLFile, TlsCRLFile),
                 })
        {
            if (path is null)
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ClientConfigurationException(
                    $"{name}: cannot read '{path}' ({e.Message}). Give the path of a readable PEM file (relative paths start at {Environment.CurrentDirectory}), or remove {name}.",
                    e);
            }
        }
    }

    /// <summary>The canonical names of the options given, for the presence-based rules.</summary>
    internal IEnumerable<string> PresentNames()
    {
        if (Tls is not null) yield return UriOptionNames.Tls;
        if (TlsInsecure is not null) yield return UriOptionNames.TlsInsecure;
        if (TlsAllowInvalidCertificates is not null) yield return UriOptionNames.TlsAllowInvalidCertificates;
        if (TlsAllowInvalidHostnames is not null) yield return UriOptionNames.TlsAllowInvalidHostnames;
        if (TlsCAFile is not null) yield return UriOptionNames.TlsCAFile;
        if (TlsCRLFile is not null) yield return UriOptionNames.TlsCRLFile;
        if (TlsCertificateKeyFile is not null) yield return UriOptionNames.TlsCertificateKeyFile;
        if (TlsCertificateKeyFilePassword is not null) yield return UriOptionNames.TlsCertificateKeyFilePassword;
        if (TlsDisableOCSPEndpointCheck is not null) yield return UriOptionNames.TlsDisableOCSPEndpointCheck;
        if (TlsDisableCertificateRevocationCheck is not null) yield return UriOptionNames.TlsDisableCertificateRevocationCheck;
    }

    /// <summary>
    /// PyMongo checks only the leaf against the CRL and cannot combine that with relaxed validation or with OCSP, so
    /// any relaxation is refused while a CRL is given; Tessera adds tlsDisableCertificateRevocationCheck, which would
    /// make the CRL pointless. Message as PyMongo's (lower-case option names).
    /// </summary>
    private void CheckCrlCompatibility(bool? disableOcsp)
    {
        if (TlsCRLFile is null)
        {
            return;
        }

        foreach (var (name, value) in new[]
                 {
                     ("tlsinsecure", TlsInsecure),
                     ("tlsallowinvalidcertificates", TlsAllowInvalidCertificates),
                     ("tlsdisableocspendpointcheck", disableOcsp),
                     ("tlsdisablecertificaterevocationcheck", TlsDisableCertificateRevocationCheck),
                 })
        {
            if (value == true)
            {
                throw new InvalidUriException($"URI option {name}=True cannot be specified when CRL checking is enabled.");
            }
        }
    }

    /// <summary>
    /// PyMongo's implicit TLS: the file options (when non-empty) and the "allow/disable" options given as false only
    /// make sense with TLS, so they turn it on unless tls is given; tls=false with any of them is an error naming them.
    /// </summary>
    private bool IsEnabled(bool? allowInvalidCertificates, bool? allowInvalidHostnames, bool? disableOcsp)
    {
        var implying = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     ("tlscertificatekeyfile", TlsCertificateKeyFile),
                     ("tlscertificatekeyfilepassword", TlsCertificateKeyFilePassword),
                     ("tlscafile", TlsCAFile),
                     ("tlscrlfile", TlsCRLFile),
                 })
        {
            if (!string.IsNullOrEmpty(value))
            {
                implying.Add(name);
            }
        }

        foreach (var (name, value) in new[]
                 {
                     ("tlsallowinvalidcertificates", allowInvalidCertificates),
                     ("tlsallowinvalidhostnames", allowInvalidHostnames),
                     ("tlsdisableocspendpointcheck", disableOcsp),
                 })
        {
            if (value == false)
            {
                implying.Add(name);
            }
        }

        if (implying.Count > 0 && Tls == false)
        {
            throw new ClientConfigurationException(
                $"TLS has not been enabled but the following tls parameters have been set: {string.Join(", ", implying)}. Please set `tls=True` or remove.");
        }

        return Tls ?? implying.Count > 0;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        var first = true;
        foreach (var name in PresentNames())
        {
            builder.Append(first ? "" : ", ").Append(name).Append(" = ").Append(name switch
            {
                UriOptionNames.TlsCertificateKeyFilePassword => UriOptions.RedactedValue,
                UriOptionNames.Tls => Tls,
                UriOptionNames.TlsInsecure => TlsInsecure,
                UriOptionNames.TlsAllowInvalidCertificates => TlsAllowInvalidCertificates,
                UriOptionNames.TlsAllowInvalidHostnames => TlsAllowInvalidHostnames,
                UriOptionNames.TlsCAFile => TlsCAFile,
                UriOptionNames.TlsCRLFile => TlsCRLFile,
                UriOptionNames.TlsCertificateKeyFile => TlsCertificateKeyFile,
                UriOptionNames.TlsDisableOCSPEndpointCheck => TlsDisableOCSPEndpointCheck,
                _ => TlsDisableCertificateRevocationCheck,
            });
            first = false;
        }

        return !first;
    }
}
