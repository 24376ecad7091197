using System.Device.Gpio.Drivers;
using System.Device.Gpio;
using GateEdge.Commands;
using GateEdge.Common.Clock;
using GateEdge.Common.Messages;
using GateEdge.Configuration;
using GateEdge.Devices.Gpio;
using GateEdge.Devices.Health;
using GateEdge.Devices.I2c;
using GateEdge.Devices;
using GateEdge.Events;
using GateEdge.Journal;
using GateEdge.Lanes;
using GateEdge.Outputs.Gpio;
using GateEdge.Outputs;
using GateEdge.Privacy;
using GateEdge.Publishing;
using GateEdge.Registry;
using GateEdge.Status;
using GateEdge.StatusPage;
using GateEdge.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace GateEdge.Hosting;

/// <summary>Composes the gateway: devices → lanes → rules → journal → outputs and publisher.</summary>
internal static class GatewayHost
{
    /// <param name="restart">Set when the host asks to be started again; a host built without one still restarts by stopping.</param>
    public static IHost Build(string configPath, string[] args, GatewayRestart? restart = null)
    {
        configPath = Path.GetFullPath(configPath);
        if (!File.Exists(configPath))
        {
            throw new GatewayConfigurationException(configPath, [ConfigMessages.ConfigFileMissing.Say()]);
        }

        // A syntax error is named with its line and column before anything else reads the file.
        var positions = ConfigPositions.Read(configPath);
        var configDirectory = Path.GetDirectoryName(configPath)!;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = configDirectory });
        ConfigFile.AddFile(builder.Configuration, configPath);
        var config = ConfigurationLoader.Load(builder.Configuration, configPath, configDirectory, positions);

        builder.Services.AddSerilog(logger => LogSetup.Apply(logger, builder.Configuration).Enrich.With(LogLinePrefix.ForThisProcess()));
        builder.Services.AddSystemd();
        builder.Services.AddHostedService(sp => new SystemdWatchdog(sp.GetService<Microsoft.Extensions.Hosting.Systemd.ISystemdNotifier>(),
            sp.GetRequiredService<EventJournal>(), config.Journal, sp.GetRequiredService<TimeProvider>(), SystemdWatchdog.IntervalFromEnvironment()));
        builder.Services.AddSingleton(TimeProvider.System);
        AddGateway(builder.Services, config);
        // Only a gateway started from a file can take a pushed configuration: it needs the file to replace.
        builder.Services.AddSingleton(restart ?? new GatewayRestart(configPath));
        builder.Services.AddSingleton<IConfigurationPush, ConfigurationPush>();
        builder.Services.AddHostedService<ConfigurationTrialMonitor>();
        return builder.Build();
    }

    internal static void AddGateway(IServiceCollection services, GatewayConfiguration config)
    {
        services.AddSingleton(config);
        services.AddSingleton(config.Gateway);
        services.AddSingleton(config.Rules);
        services.AddSingleton(config.Mqtt);
        services.AddSingleton(new Topics(config.Mqtt.TopicRoot, config.Gateway));
        services.AddSingleton(_ => new RegistryStore(Path.Combine(config.Gateway.StateDirectory, "registry.db")));
        services.AddSingleton<IHouseholdExits>(_ => new HouseholdExitLog(Path.Combine(config.Gateway.StateDirectory, "registry.db")));
        services.AddSingleton(sp => new LiveRegistry(SeedFileRegistry.Load(config.Registry.SeedFile), sp.GetRequiredService<RegistryStore>(), sp.GetRequiredService<TimeProvider>(), config.Gateway.CompoundId));
        services.AddSingleton<IPersonRegistry>(sp => sp.GetRequiredService<LiveRegistry>());
        services.AddSingleton(_ => GatewayKey.LoadOrCreate(config.Gateway.StateDirectory));
        services.AddSingleton(sp => new EventJournal(config.Journal.Path, config.Journal.MaxBatch,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventJournal>>(), sp.GetRequiredService<GatewayKey>(), config.Journal.MaxSizeMiB * 1024 * 1024, setAsideDamaged: true));
        services.AddSingleton(sp => sp.GetRequiredService<EventJournal>().Appender);
        services.AddSingleton(config.Journal);
        services.AddSingleton(new JournalRedaction(EventKinds.Passage, config.Privacy.PersonalDataRetention, PassageRedaction.Redact));
        services.AddSingleton<AlarmRecords>();
        services.AddSingleton(sp => new JournalMaintenance(sp.GetRequiredService<EventJournal>(), config.Journal, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JournalMaintenance>>(), sp.GetRequiredService<JournalRedaction>(),
            alarm => sp.GetRequiredService<AlarmRecords>().RecordAsync(alarm.Kind == JournalAlarm.Kinds.NearlyFull ? AlarmEvent.JournalNearlyFull : AlarmEvent.JournalRowErased,
                alarm.Detail, fromSeq: alarm.Seq, toSeq: alarm.Seq)));
        services.AddHostedService(sp => sp.GetRequiredService<JournalMaintenance>());
        services.AddHostedService(sp => new JournalFileWatch(sp.GetRequiredService<EventJournal>(), config.Journal.Path, config.Journal, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JournalFileWatch>>()));
        AddDevices(services, config);
        services.AddSingleton(config.Privacy);
        // The configuration check has loaded both keys already; a file that changed since fails the start with its reason.
        services.AddSingleton(config.Privacy.IdentitySealingKeyFile is { } sealing
            ? IdentitySealer.Load(sealing).Sealer ?? throw new GatewayConfigurationException(sealing, ["Privacy.IdentitySealingKeyFile: unusable"])
            : IdentitySealer.None);
        services.AddSingleton(sp => ClockWitness.ForThisBox(config.Gateway.ClockSynchronisedFlag, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EventHeaders(config.Gateway, sp.GetRequiredService<ClockWitness>()));
        services.AddHostedService<ClockSynchronisationAlarm>();
        services.AddSingleton<LaneEvents>();
        services.AddSingleton(config.Prompts);
        services.AddSingleton<Prompts.LanePromptBoard>();
        services.AddSingleton<DecisionFeed>();
        services.AddSingleton<GateActuator>();
        services.AddHostedService<JournalOnStart>();
        services.AddSingleton<IPassageRecorder, PassageRecorder>();
        services.AddSingleton(sp => new ValidityClock(sp.GetRequiredService<TimeProvider>(), config.Commands.MaxClockSkew));
        services.AddSingleton(sp => new FeverHolds(config.Rules.FeverHold, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ThermometerPlausibility(config.Rules.StuckThermometerAfter, config.Rules.StuckThermometerSpreadC,
            sp.GetRequiredService<DeviceHealthBoard>(), sp.GetRequiredService<DeviceAlarmRecorder>().Post, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadOnlyList<LaneCoordinator>>(sp => [.. config.Lanes.Select(lane => new LaneCoordinator(lane, config.Rules,
            sp.GetRequiredService<IPersonRegistry>(), sp.GetRequiredService<DeviceHealthBoard>(), sp.GetRequiredService<IPassageRecorder>(),
            sp.GetRequiredService<IHouseholdExits>(), sp.GetRequiredService<Prompts.LanePromptBoard>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LaneCoordinator>>(),
            sp.GetRequiredService<ValidityClock>(), sp.GetRequiredService<FeverHolds>(), sp.GetRequiredService<ThermometerPlausibility>()))]);
        services.AddSingleton<DeviceAlarmRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceAlarmRecorder>());
        services.AddSingleton<IDeviceEventSink>(sp => new LaneRouter(sp.GetRequiredService<IReadOnlyList<LaneCoordinator>>(), sp.GetRequiredService<DeviceHealthBoard>(),
            sp.GetRequiredService<DeviceAlarmRecorder>().Post, new CardReadFlood(config.Rules, sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<ReaderAttention>()));
        services.AddSingleton<CommandInbox>();
        services.AddSingleton(config.Commands);
        services.AddSingleton(_ => CentreKeys.Load(config.Commands.CentreKeys).Keys);
        services.AddSingleton(_ => new CommandParser(config.Commands, config.Gateway, config.Lanes.Select(l => l.Id).ToHashSet(StringComparer.Ordinal),
            new ReplayGuard(config.Commands.MaxClockSkew * 2, Path.Combine(config.Gateway.StateDirectory, "command-nonces"))));
        services.AddHostedService<GatewayWorker>();
        services.AddHostedService<CommandService>();
        services.AddSingleton<GatewayStatePublisher>();
        services.AddSingleton<BrokerConnectionState>();
        services.AddHostedService<IdentityClashAlarm>();
        services.AddHostedService<MqttPublisher>();
        services.AddSingleton<RecentDecisions>();
        services.AddSingleton<GuardDesk>();
        services.AddSingleton(sp => new GatewayMetrics(sp.GetRequiredService<EventJournal>(), sp.GetRequiredService<DeviceHealthBoard>(),
            sp.GetRequiredService<BrokerConnectionState>(), sp.GetRequiredService<TimeProvider>(),
            () => sp.GetRequiredService<LiveRegistry>().Stale(sp.GetRequiredService<TimeProvider>().GetUtcNow())));
        services.AddSingleton(config.StatusPage);
        if (config.StatusPage.Enabled)
        {
            services.AddHostedService<StatusPageServer>();
        }
    }

    /// <summary>
    /// Every configured device with its supervisor, the health board, and the hardware they need. Device
    /// output goes to the registered <see cref="IDeviceEventSink"/>: the lanes in the gateway, a printer in a probe.
    /// </summary>
    internal static void AddDevices(IServiceCollection services, GatewayConfiguration config)
    {
        services.AddSingleton<DeviceHealthBoard>();
        services.AddSingleton<ReaderAttention>();
        services.AddSingleton<Devices.Voice.SpeechQueues>();
        AddHardware(services, config);
        services.AddSingleton<IReadOnlyList<DeviceSupervisor>>(sp => [.. Supervisors(sp, config.Devices)]);
    }

    /// <summary>The GPIO chip (relays, lamps, Wiegand lines) and the I²C buses, real or simulated.</summary>
    private static void AddHardware(IServiceCollection services, GatewayConfiguration config)
    {
        var outputs = config.Outputs;
        services.AddSingleton<II2cBuses>(config.Devices.I2cDriver == DevicesOptions.SimulatedI2c ? new SimulatedI2cBuses() : new LinuxI2cBuses());
        if (outputs.Driver == GpioOutputOptions.LogDriver)
        {
            services.AddSingleton<IGateOutputs, LoggingGateOutputs>();
            return;
        }

        services.AddSingleton(outputs);
        if (outputs.Driver == GpioOutputOptions.ChipDriver)
        {
            services.AddSingleton(_ => new GpioController(new LibGpiodDriver(outputs.Chip)));
            services.AddSingleton<IPulseLineSource>(new GpioChipPulseLineSource(outputs.Chip));
        }
        else
        {
            services.AddSingleton<SimulatedGpioDriver>();
            services.AddSingleton(sp => new GpioController(sp.GetRequiredService<SimulatedGpioDriver>()));
            services.AddSingleton<IPulseLineSource>(sp => new ControllerPulseLineSource(sp.GetRequiredService<GpioController>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<IGateOutputs, GpioGateOutputs>();
    }

    private static IEnumerable<DeviceSupervisor> Supervisors(IServiceProvider sp, DevicesOptions devices)
    {
        var services = new DeviceServices(sp);
        return DeviceFamilies.Configured(devices).Select(d => Supervise(sp, d.Family.CreateSession(d.Options, services)));
    }

    internal static DeviceSupervisor Supervise(IServiceProvider sp, IDeviceSession session) =>
        new(session, sp.GetRequiredService<DeviceHealthBoard>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DeviceSupervisor>>());
}
