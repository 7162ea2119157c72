import {
  customer,
  ipDdosProtection,
  ownApplications,
  ownData,
  powerAndCooling,
  provider,
  type ResponsibilityRow,
  shared,
} from "./common.ts";

/** Matrices of the server universe: bare metal and VPS, where the customer holds root. */
export const serverMatrices: Record<string, ResponsibilityRow[]> = {
  "dedicated-server": [
    provider("hardware", {
      en: "Failed disks, memory, power supplies and motherboards are detected by our monitoring and replaced by us at no cost; you are told before and after each intervention.",
      fr: "Les disques, barrettes mémoire, alimentations et cartes mères défaillants sont détectés par notre supervision et remplacés gratuitement par nos soins ; vous êtes prévenu avant et après chaque intervention.",
      ru: "Неисправные диски, модули памяти, блоки питания и материнские платы обнаруживаются нашим мониторингом и бесплатно заменяются нами; мы сообщаем вам до и после каждого вмешательства.",
    }),
    powerAndCooling,
    provider("network", {
      en: "Connectivity up to your server's network port, bandwidth and routing are ours; a port or switch failure is our incident.",
      fr: "La connectivité jusqu'au port réseau de votre serveur, la bande passante et le routage sont à notre charge ; une panne de port ou de commutateur est un incident de notre fait.",
      ru: "Связность до сетевого порта вашего сервера, пропускная способность и маршрутизация — наша забота; отказ порта или коммутатора — наш инцидент.",
    }),
    ipDdosProtection,
    shared("network-firewall", {
      en: "We provide an edge firewall in front of your IPs; writing its rules and configuring the firewall of the server itself are yours.",
      fr: "Nous fournissons un pare-feu en bordure devant vos IP ; en rédiger les règles et configurer le pare-feu du serveur lui-même vous revient.",
      ru: "Мы предоставляем пограничный межсетевой экран перед вашими IP; составлять его правила и настраивать межсетевой экран самого сервера — ваша задача.",
    }),
    customer("operating-system", {
      en: "Once installed from our templates, the operating system is yours: configuration, users, reinstallation. We have no access to your server.",
      fr: "Une fois installé depuis nos modèles, le système d'exploitation vous appartient : configuration, comptes, réinstallation. Nous n'avons aucun accès à votre serveur.",
      ru: "После установки из наших шаблонов операционная система — ваша: настройка, учётные записи, переустановка. Доступа к вашему серверу у нас нет.",
    }),
    customer("security-updates", {
      en: "Patching the kernel and packages is yours; a server compromised through a missing update is yours to clean and reinstall.",
      fr: "Appliquer les correctifs du noyau et des paquets vous incombe ; un serveur compromis faute de mise à jour est à nettoyer et réinstaller par vous.",
      ru: "Установка обновлений ядра и пакетов — ваша задача; сервер, взломанный из-за пропущенного обновления, очищаете и переустанавливаете вы.",
    }),
    ownApplications,
    ownData,
    customer("backups", {
      en: "We keep no copy of your disks. Backup storage is offered as an option, but scheduling backups and testing restores are yours; RAID is not a backup.",
      fr: "Nous ne gardons aucune copie de vos disques. Un espace de sauvegarde est proposé en option, mais planifier les sauvegardes et tester les restaurations vous incombe ; le RAID n'est pas une sauvegarde.",
      ru: "Копий ваших дисков мы не храним. Пространство для резервных копий доступно как опция, но планировать резервное копирование и проверять восстановление — ваша задача; RAID — это не резервная копия.",
    }),
  ],

  vps: [
    provider("hardware", {
      en: "Host servers are ours; if one fails, your VPS is restarted on healthy hardware and you are informed.",
      fr: "Les serveurs hôtes sont à notre charge ; en cas de panne, votre VPS est redémarré sur un matériel sain et vous en êtes informé.",
      ru: "Хост-серверы — наша забота; при отказе одного из них ваш VPS перезапускается на исправном оборудовании, и мы вас об этом уведомляем.",
    }),
    provider("hypervisor", {
      en: "The virtualisation layer, its security patches and the resources guaranteed to your VPS (vCPU, RAM, disk) are ours.",
      fr: "La couche de virtualisation, ses correctifs de sécurité et les ressources garanties de votre VPS (vCPU, RAM, disque) sont à notre charge.",
      ru: "Слой виртуализации, его обновления безопасности и гарантированные ресурсы VPS (vCPU, ОЗУ, диск) — наша забота.",
    }),
    provider("network", {
      en: "The network up to your VPS's virtual interface, its public IP addresses and its bandwidth are ours.",
      fr: "Le réseau jusqu'à l'interface virtuelle de votre VPS, ses adresses IP publiques et sa bande passante sont à notre charge.",
      ru: "Сеть до виртуального интерфейса VPS, его публичные IP-адреса и пропускная способность — наша забота.",
    }),
    ipDdosProtection,
    customer("operating-system", {
      en: "The operating system of your VPS is yours to configure, patch and reinstall; the KVM console helps if you lock yourself out.",
      fr: "Le système d'exploitation de votre VPS est à configurer, mettre à jour et réinstaller par vous ; la console KVM vous aide si vous perdez l'accès.",
      ru: "Операционную систему VPS вы настраиваете, обновляете и переустанавливаете сами; если вы потеряли доступ, поможет KVM-консоль.",
    }),
    ownApplications,
    ownData,
    shared("backups", {
      en: "Once you enable the option, automated daily backups are run and stored by us; checking that restored data is usable is yours.",
      fr: "Une fois l'option activée, les sauvegardes quotidiennes automatiques sont réalisées et stockées par nos soins ; vérifier que les données restaurées sont exploitables vous revient.",
      ru: "После подключения опции ежедневное автоматическое резервное копирование выполняем и храним мы; проверка пригодности восстановленных данных — ваша задача.",
    }),
  ],
};
