using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Tls.Native;

namespace Tessera.Tls;

/// <summary>
/// One TLS connection, server or client side, run by OpenSSL over memory BIOs: OpenSSL never touches the socket, so
/// reads and writes stay asynchronous .NET I/O while every OpenSSL call is a short synchronous step under one lock.
/// Bytes OpenSSL produces (records, alerts) are sent in order under a second, asynchronous lock.
/// Made by <see cref="Server.ServerTlsContext.Accept"/> or <see cref="Client.ClientTlsContext.Connect"/>.
/// </summary>
public sealed class TlsStream : Stream
{
    private const int ChunkSize = 32 * 1024;

    private readonly Stream _transport;
    private readonly SslHandle _ssl;
    private readonly IntPtr _fromPeer; // BIO OpenSSL reads the peer's bytes from
    private readonly IntPtr _toPeer;   // BIO OpenSSL writes its records to
    private readonly Lock _engine = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly byte[] _received = new byte[ChunkSize];
    private readonly byte[] _outgoing = new byte[ChunkSize];
    private GCHandle _judge;
    private bool _closing;
    private bool _disposed;

    /// <param name="transport">The network stream, owned by the TLS stream from now on.</param>
    /// <param name="judge">The connection's certificate judge, kept alive while OpenSSL may call it.</param>
    /// <param name="newSsl">Makes the connection's SSL, given the handle of the judge its callbacks will ask.</param>
    internal TlsStream(Stream transport, IPeerCertificateJudge judge, Func<GCHandle, SslHandle> newSsl)
    {
        _transport = transport;
        _judge = GCHandle.Alloc(judge);
        try
        {
            _ssl = newSsl(_judge);
        }
        catch
        {
            _judge.Free();
            throw;
        }

        _fromPeer = LibSsl.BIO_new(LibSsl.BIO_s_mem());
        _toPeer = LibSsl.BIO_new(LibSsl.BIO_s_mem());
        if (_fromPeer == IntPtr.Zero || _toPeer == IntPtr.Zero)
        {
            LibSsl.BIO_free(_fromPeer);
            LibSsl.BIO_free(_toPeer);
            _ssl.Dispose();
            _judge.Free();
            throw new OutOfMemoryException("OpenSSL could not allocate the connection's buffers.");
        }

        // An empty input buffer means "wait for more", not end of stream.
        LibSsl.BIO_ctrl(_fromPeer, LibSsl.BioControlSetMemoryEofReturn, -1, IntPtr.Zero);
        LibSsl.SSL_set_bio(_ssl, _fromPeer, _toPeer);
    }

    /// <summary>The negotiated protocol, after the handshake.</summary>
    public SslProtocols Protocol { get; private set; }

    /// <summary>True when the handshake resumed an earlier session (no certificate was sent on this handshake).</summary>
    public bool SessionResumed { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Runs the handshake. A refusal is sent to the peer as OpenSSL's alert before the exception is thrown.
    /// </summary>
    public async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int result, error;
            string failure = string.Empty;
            ulong reason = 0;
            lock (_engine)
            {
                ThrowIfDisposed();
                OpenSslErrorQueue.Clear();
                result = LibSsl.SSL_do_handshake(_ssl);
                error = result == 1 ? 0 : LibSsl.SSL_get_error(_ssl, result);
                if (result != 1 && error != LibSsl.ErrorWantRead)
                {
                    (failure, reason) = OpenSslErrorQueue.Drain();
                }
                else if (result == 1)
                {
                    Protocol = LibSsl.SSL_version(_ssl) switch
                    {
                        LibSsl.Tls1_3Version => SslProtocols.Tls13,
                        LibSsl.Tls1_2Version => SslProtocols.Tls12,
                        _ => SslProtocols.None,
                    };
                    SessionResumed = LibSsl.SSL_session_reused(_ssl) == 1;
                }
            }

            await SendPendingAsync(cancellationToken).ConfigureAwait(false); // handshake records, or the alert
            if (result == 1)
            {
                return;
            }

            if (error != LibSsl.ErrorWantRead)
            {
                throw new TlsHandshakeException(failure.Length > 0 ? failure : $"SSL_do_handshake failed (SSL_get_error {error})", reason);
            }

            if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The peer closed the connection during the TLS handshake.");
            }
        }
    }

    /// <summary>The peer's certificate (also on a resumed session), or null when it sent none.</summary>
    public X509Certificate2? PeerCertificate()
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            var native = LibSsl.SSL_get1_peer_certificate(_ssl);
            if (native == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return NativeCertificates.ToManaged(native);
            }
            finally
            {
                LibSsl.X509_free(native);
            }
        }
    }

    /// <summary>The certificates the peer sent after its own (kept with a resumed session too).</summary>
    public X509Certificate2Collection PeerChain()
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            return NativeCertificates.ToManagedCollection(LibSsl.SSL_get_peer_cert_chain(_ssl));
        }
    }

    /// <summary>The negotiated cipher suite's IANA name (as .NET and the RFCs spell it), after the handshake.</summary>
    public string CipherName()
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            return Marshal.PtrToStringUTF8(LibSsl.SSL_CIPHER_standard_name(LibSsl.SSL_get_current_cipher(_ssl))) ?? string.Empty;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var (count, error, failure) = Decrypt(buffer.Span);
            if (count > 0)
            {
                await SendPendingAsync(cancellationToken).ConfigureAwait(false); // e.g. a KeyUpdate answer
                return count;
            }

            switch (error)
            {
                case LibSsl.ErrorZeroReturn:
                    return 0; // close_notify
                case LibSsl.ErrorWantRead:
                    await SendPendingAsync(cancellationToken).ConfigureAwait(false);
                    if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return 0;
                    }

                    continue;
                default:
                    await SendPendingAsync(cancellationToken).ConfigureAwait(false);
                    throw new IOException("TLS read failed: " + failure);
            }
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            // In chunks, so a large reply is never held encrypted in memory all at once.
            var chunk = buffer[..Math.Min(buffer.Length, ChunkSize)];
            Encrypt(chunk.Span);
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            buffer = buffer[chunk.Length..];
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!MarkDisposing())
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await SendPendingAsync(timeout.Token).ConfigureAwait(false); // the close_notify
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException)
        {
            // The peer is gone already: nothing to say goodbye to.
        }

        await _transport.DisposeAsync().ConfigureAwait(false);
        Release();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && MarkDisposing())
        {
            _transport.Dispose();
            Release();
        }

        base.Dispose(disposing);
    }

    // Queues close_notify and stops further use; true for the first caller only.
    private bool MarkDisposing()
    {
        lock (_engine)
        {
            if (_closing)
            {
                return false;
            }

            _closing = true;
            OpenSslErrorQueue.Clear();
            LibSsl.SSL_shutdown(_ssl);
            OpenSslErrorQueue.Clear();
            return true;
        }
    }

    private void Release()
    {
        lock (_engine)
        {
            _disposed = true;
            _ssl.Dispose(); // frees both BIOs
            if (_judge.IsAllocated)
            {
                _judge.Free();
            }
        }

        _sending.Dispose();
    }

    private unsafe (int Count, int Error, string Failure) Decrypt(Span<byte> buffer)
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            OpenSslErrorQueue.Clear();
            int count;
            fixed (byte* p = buffer)
            {
                count = LibSsl.SSL_read(_ssl, p, buffer.Length);
            }

            if (count > 0)
            {
                return (count, 0, string.Empty);
            }

            var error = LibSsl.SSL_get_error(_ssl, count);
            return (0, error, error is LibSsl.ErrorWantRead or LibSsl.ErrorZeroReturn ? string.Empty : OpenSslErrorQueue.Drain().Text);
        }
    }

    private unsafe void Encrypt(ReadOnlySpan<byte> data)
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            OpenSslErrorQueue.Clear();
            int written;
            fixed (byte* p = data)
            {
                // A memory BIO always has room, so SSL_write takes the whole chunk or fails.
                written = LibSsl.SSL_write(_ssl, p, data.Length);
            }

            if (written != data.Length)
            {
                throw new IOException("TLS write failed: " + OpenSslErrorQueue.Drain().Text);
            }
        }
    }

    // Moves what OpenSSL wrote into its output BIO to the network, in order.
    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var count = TakeOutgoing();
                if (count <= 0)
                {
                    return;
                }

                await _transport.WriteAsync(_outgoing.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    // Reads what the peer sent into OpenSSL's input BIO; false at the end of the stream.
    private async Task<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = await _transport.ReadAsync(_received, cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            return false;
        }

        GiveIncoming(count);
        return true;
    }

    private unsafe int TakeOutgoing()
    {
        lock (_engine)
        {
            if (_disposed)
            {
                return 0;
            }

            fixed (byte* p = _outgoing)
            {
                return LibSsl.BIO_read(_toPeer, p, _outgoing.Length);
            }
        }
    }

    private unsafe void GiveIncoming(int count)
    {
        lock (_engine)
        {
            ThrowIfDisposed();
            fixed (byte* p = _received)
            {
                LibSsl.BIO_write(_fromPeer, p, count);
            }
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
