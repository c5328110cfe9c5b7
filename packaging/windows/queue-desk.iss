; Inno Setup 6.3+ script: a per-user installer for the Windows build of Queue Desk.
;
; On Windows, from the repository root:
;     bash packaging/build.sh            (or: pyinstaller --noconfirm --clean packaging\queue-desk.spec)
;     iscc packaging\windows\queue-desk.iss
; gives dist\installer\queue-desk-<version>-setup.exe.
;
; The version is read from the version resource of dist\queue-desk\queue-desk.exe, which
; the spec builds from gui/__init__.py (packaging/windows/version_info.py); override with
; iscc /DAppVersion=1.2.3 ...
;
; Installs without admin rights into %LOCALAPPDATA%\Programs\Queue Desk (an administrator
; can choose "all users" in the dialog). Uninstalling leaves the user's jobs and results
; (%LOCALAPPDATA%\queue-desk) and the API key in the Windows Credential Manager alone.

#define AppName "Queue Desk"
#define AppExeName "queue-desk.exe"
#define BuildDir SourcePath + "..\..\dist\queue-desk"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExeName, "ProductVersion")
#endif

[Setup]
; Never change AppId: it is how Windows recognises upgrades of the same app.
AppId={{4E098AEC-BD5E-4BC6-833E-C85ED55E2895}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Queue Desk contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=queue-desk-{#AppVersion}-setup
SetupIconFile=queue-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave the previous version's libraries next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autoprograms}\{#AppName} (sandbox demo)"; Filename: "{app}\{#AppExeName}"; Parameters: "--sandbox"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
