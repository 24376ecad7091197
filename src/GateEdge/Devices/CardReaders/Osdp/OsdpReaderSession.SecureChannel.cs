using GateEdge.Devices.CardReaders.Osdp.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// Opening the secure channel (docs/protocols.md §2.3, "Secure Channel"): the reader's cryptogram
/// and first R-MAC checked, in install mode its new key given and kept, and every breach an alarm.
/// </summary>
internal sealed partial class OsdpReaderSession
{
    private void OnClientCryptogram(OsdpPacket reply, TimeProvider time)
    {
        // cUID (8) ‖ RND.B (8) ‖ client cryptogram (16)
        if (!reply.Is(OsdpReply.ClientCryptogram) || reply.Security?.Type != OsdpSecurityType.ClientCryptogram || reply.Data.Length != 32)
        {
            throw Breach($"the reader answered the challenge with reply {reply.Code:X2}, not its cryptogram", time);
        }

        var rndB = reply.Data.AsSpan(8, 8);
        _keys = OsdpSecureChannel.SessionKeys(_key ?? OsdpSecureChannel.DefaultKey, _rndA);
        if (!OsdpSecureChannel.Same(reply.Data.AsSpan(16, 16), OsdpSecureChannel.ClientCryptogram(_keys, _rndA, rndB)))
        {
            throw Breach("the reader's cryptogram is wrong: it holds another key, or is not the reader configured here", time);
        }

        _serverCryptogram = OsdpSecureChannel.ServerCryptogram(_keys, _rndA, rndB);
        _state = State.Proved;
        // It holds the key, so it is no stranger; but a reader swapped at a lane is the centre's to know.
        Recognise("cUID " + Convert.ToHexString(reply.Data.AsSpan(0, 8)), ref _knownUid, time);
    }

    private void OnInitialRMac(OsdpPacket reply, TimeProvider time)
    {
        if (!reply.Is(OsdpReply.InitialRMac) || reply.Security?.Type != OsdpSecurityType.InitialRMac || reply.Data.Length != 16)
        {
            throw Breach($"the reader answered our cryptogram with reply {reply.Code:X2}, not its first R-MAC", time);
        }

        var rMac = OsdpSecureChannel.InitialRMac(_keys!, _serverCryptogram);
        if (!OsdpSecureChannel.Same(reply.Data, rMac))
        {
            throw Breach("the reader's first R-MAC is wrong: it did not accept our cryptogram", time);
        }

        _secure = new OsdpSecureSession(_keys!, rMac);
        if (_key is null)
        {
            // Install mode: the session runs on the default key only long enough to replace it. The
            // key is on disk before it is sent: a reader must never hold a key the gateway lost.
            _newKey = OsdpSecureChannel.NewKey();
            try
            {
                OsdpReaderKeyFile.Save(OsdpReaderKeyFile.PendingPath(_options.KeyFile!), _newKey);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DeviceProtocolException($"install mode cannot keep a key beside {_options.KeyFile}: {ex.Message}");
            }

            _state = State.SendingKey;
            return;
        }

        LogSecure(Device);
        _state = State.Identifying;
    }

    /// <summary>The reader took its key: it is on file before it is used, and the next connection proves it.</summary>
    private void OnKeyAccepted(byte code, TimeProvider time)
    {
        if (code != (byte)OsdpReply.Ack)
        {
            throw Breach($"the reader refused its new key (reply {code:X2})", time);
        }

        OsdpReaderKeyFile.Promote(_options.KeyFile!);
        _key = _newKey;
        _newKey = null;
        LogKeySet(Device, _options.KeyFile!);
        _sink.OnAlarm(new DeviceAlarm(Device, DeviceAlarm.ReaderKeySet, $"install mode gave the reader a new secure channel key, kept in {_options.KeyFile}; turn InstallMode off", time.GetUtcNow()));
        // A new session on the new key; the reader's sequence starts again with it.
        Start(time);
    }

    /// <summary>A reader with a key that said something the session cannot vouch for: an alarm, and the connection ends.</summary>
    private DeviceProtocolException Breach(string problem, TimeProvider time)
    {
        _sink.OnAlarm(new DeviceAlarm(Device, DeviceAlarm.ReaderSecurity, problem, time.GetUtcNow()));
        return new DeviceProtocolException($"secure channel: {problem}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: secure channel open")]
    private partial void LogSecure(string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: install mode gave the reader its secure channel key, kept in {KeyFile}; turn InstallMode off")]
    private partial void LogKeySet(string device, string keyFile);
}
