using GateEdge.Devices.CardReaders.Osdp.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// What the reader says about itself besides cards. Its tamper switch and power (osdp_LSTATR): an
/// alarm when either fails. Who it is: asked with osdp_ID at the start of every connection, inside
/// the secure channel when there is one. A reader answering at the same address with another
/// identity (serial number, firmware, cUID) was replaced, swapped or reflashed: an alarm for the
/// centre, and it is still read, as the reader before it was (it holds the key, or none is set).
/// </summary>
internal sealed partial class OsdpReaderSession
{
    private const byte StandardIdBlock = 0x00;

    /// <summary>osdp_LSTATR: tamper (byte 0) and power (byte 1), each 1 when failed; an alarm when either fails, a log line when it is back.</summary>
    private void OnLocalStatus(byte[] data, DeviceLink link, TimeProvider time)
    {
        bool tamper = data is [1, ..];
        bool power = data is [_, 1, ..];
        if (tamper != _tampered)
        {
            _tampered = tamper;
            Report(tamper, DeviceAlarm.ReaderTamper, "the reader reports its tamper switch open: its housing was opened or it was taken off the wall", "the reader's tamper switch is closed again");
        }

        if (power != _powerFailed)
        {
            _powerFailed = power;
            Report(power, DeviceAlarm.ReaderPower, "the reader reports a power failure", "the reader's power is back");
        }

        void Report(bool failed, string alarm, string problem, string back)
        {
            if (failed)
            {
                link.Counters.CountTamper(problem);
                _sink.OnAlarm(new DeviceAlarm(Device, alarm, problem, time.GetUtcNow()));
            }
            else
            {
                LogStatusBack(Device, back);
            }
        }
    }

    private byte[] IdentityRequest() => _secure is null
        ? OsdpWire.Command(_address, _sequence, OsdpCommand.IdReport, [StandardIdBlock])
        : _secure.Command(_address, _sequence, OsdpCommand.IdReport, [StandardIdBlock]);

    private void OnIdentity(byte code, byte[] data, TimeProvider time)
    {
        if (code == (byte)OsdpReply.PdId && OsdpReaderIdentity.TryParse(data) is { } identity)
        {
            Recognise(identity.ToString(), ref _knownIdentity, time);
        }
        else
        {
            LogNoIdentity(Device, code, data.Length);
        }

        Identified();
    }

    /// <summary>The reader has said who it is (or could not): polls begin.</summary>
    private void Identified() => _state = _secure is null ? State.Clear : State.Secure;

    private void Recognise(string identity, ref string? known, TimeProvider time)
    {
        if (known is null)
        {
            LogIdentity(Device, identity);
        }
        else if (known != identity)
        {
            _sink.OnAlarm(new DeviceAlarm(Device, DeviceAlarm.ReaderIdentityChanged,
                $"the reader at address {_options.Address} now identifies as {identity}, before as {known}: replaced, swapped or reflashed", time.GetUtcNow()));
        }

        known = identity;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: {What}")]
    private partial void LogStatusBack(string device, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: the reader identifies as {Identity}")]
    private partial void LogIdentity(string device, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: the reader answered osdp_ID with reply {Code:X2} ({Length} bytes), not its identity; polling it without")]
    private partial void LogNoIdentity(string device, byte code, int length);
}
