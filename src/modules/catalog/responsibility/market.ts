import { customer, provider, type ResponsibilityRow, shared } from "./common.ts";

/** Matrices of the market universe: domains, web hosting, email, telecom and SaaS. */
export const marketMatrices: Record<string, ResponsibilityRow[]> = {
  domain: [
    provider("domain-registration", {
      en: "We submit registrations, renewals and transfers to the registry and keep your domain active as long as it is paid.",
      fr: "Nous transmettons au registre les enregistrements, renouvellements et transferts, et maintenons votre domaine actif tant qu'il est payé.",
      ru: "Мы передаём в реестр заявки на регистрацию, продление и перенос и поддерживаем домен активным, пока он оплачен.",
    }),
    customer("renewal", {
      en: "Keep automatic renewal on and a valid payment method; after expiry the domain enters redemption and can then be lost for good.",
      fr: "Gardez le renouvellement automatique activé et un moyen de paiement valide ; après expiration, le domaine passe en rédemption puis peut être définitivement perdu.",
      ru: "Не отключайте автопродление и следите за действительностью способа оплаты: после истечения срока домен переходит в период восстановления, а затем может быть безвозвратно утерян.",
    }),
    customer("registrant-data", {
      en: "The owner's name, address and email must be accurate; answer the registry's verification email within 15 days or the domain is suspended.",
      fr: "Le nom, l'adresse et l'e-mail du titulaire doivent être exacts ; répondez sous 15 jours à l'e-mail de vérification du registre, sinon le domaine est suspendu.",
      ru: "Имя, адрес и e-mail владельца должны быть достоверными; ответьте на проверочное письмо реестра в течение 15 дней, иначе домен будет приостановлен.",
    }),
    provider("dns-servers", {
      en: "Our authoritative name servers are operated, monitored and replicated on several continents; an outage of them is our incident.",
      fr: "Nos serveurs DNS faisant autorité sont exploités, supervisés et répliqués sur plusieurs continents ; leur panne est un incident de notre fait.",
      ru: "Наши авторитативные DNS-серверы эксплуатируются, контролируются и реплицируются на нескольких континентах; их отказ — наш инцидент.",
    }),
    customer("dns-zone-content", {
      en: "The records you enter (A, AAAA, MX, TXT, CNAME…) are published exactly as written; a wrong record is yours to correct.",
      fr: "Les enregistrements que vous saisissez (A, AAAA, MX, TXT, CNAME…) sont publiés tels quels ; un enregistrement erroné est à corriger par vos soins.",
      ru: "Записи, которые вы вводите (A, AAAA, MX, TXT, CNAME…), публикуются в точности как есть; исправлять ошибочную запись — ваша задача.",
    }),
    shared("dnssec", {
      en: "With our name servers we sign the zone and publish the DS record at the registry; with external name servers you supply the DS record and roll the keys.",
      fr: "Avec nos serveurs DNS, nous signons la zone et publions l'enregistrement DS au registre ; avec des serveurs externes, c'est à vous de fournir le DS et de renouveler les clés.",
      ru: "При наших DNS-серверах мы подписываем зону и публикуем DS-запись в реестре; при сторонних серверах DS-запись и смену ключей обеспечиваете вы.",
    }),
    customer("transfer-lock", {
      en: "Keep the transfer lock on and the authorisation code secret: anyone holding the code can move the domain to another registrar.",
      fr: "Laissez le verrou de transfert activé et gardez secret le code d'autorisation : quiconque le détient peut transférer le domaine chez un autre bureau d'enregistrement.",
      ru: "Держите блокировку переноса включённой, а код авторизации — в секрете: любой, у кого есть код, может перенести домен к другому регистратору.",
    }),
    provider("ddos-protection", {
      en: "Volumetric attacks against our DNS infrastructure are absorbed by our network so that your zone keeps resolving.",
      fr: "Les attaques volumétriques contre notre infrastructure DNS sont absorbées par notre réseau pour que votre zone continue de répondre.",
      ru: "Объёмные атаки на нашу DNS-инфраструктуру поглощаются нашей сетью, чтобы ваша зона продолжала разрешаться.",
    }),
  ],

  "web-hosting": [
    provider("hardware", {
      en: "Web and database servers, their disks and their replacement are ours; a hardware failure is handled without any action on your side.",
      fr: "Les serveurs web et de bases de données, leurs disques et leur remplacement sont à notre charge ; une panne matérielle est traitée sans action de votre part.",
      ru: "Веб-серверы и серверы баз данных, их диски и замена — наша забота; аппаратный сбой устраняется без каких-либо действий с вашей стороны.",
    }),
    provider("operating-system", {
      en: "We install, patch and harden the operating system and server software of the shared platform; you have no root access and need none.",
      fr: "Nous installons, mettons à jour et sécurisons le système d'exploitation et les logiciels serveur de la plateforme mutualisée ; vous n'avez pas besoin d'accès root.",
      ru: "Мы устанавливаем, обновляем и защищаем операционную систему и серверное ПО общей платформы; root-доступ вам не предоставляется и не нужен.",
    }),
    shared("php-runtime", {
      en: "We provide and patch the supported PHP versions; choosing the version and adapting your code before an old version is retired are yours.",
      fr: "Nous fournissons et corrigeons les versions de PHP prises en charge ; choisir la version et adapter votre code avant le retrait d'une ancienne version vous revient.",
      ru: "Мы предоставляем и обновляем поддерживаемые версии PHP; выбор версии и адаптация кода до вывода старой версии из эксплуатации — на вас.",
    }),
    customer("applications", {
      en: "Your website code, CMS (WordPress, Joomla…), themes and plugins and their updates are yours; we do not debug your site.",
      fr: "Le code de votre site, votre CMS (WordPress, Joomla…), ses thèmes et extensions ainsi que leurs mises à jour sont à votre charge ; nous ne déboguons pas votre site.",
      ru: "Код сайта, CMS (WordPress, Joomla…), темы и плагины и их обновление — ваша ответственность; отладкой вашего сайта мы не занимаемся.",
    }),
    customer("data", {
      en: "Files, database content and personal data collected by your site are yours, including their compliance with privacy law.",
      fr: "Les fichiers, le contenu des bases de données et les données personnelles collectées par votre site sont à votre charge, y compris leur conformité au droit de la protection des données.",
      ru: "Файлы, содержимое баз данных и персональные данные, собираемые сайтом, — ваша ответственность, включая соблюдение законов о защите данных.",
    }),
    shared("backups", {
      en: "We snapshot files and databases daily and keep them 14 days, restorable from the Manager; an off-site copy of your own is yours to keep.",
      fr: "Nous sauvegardons chaque jour fichiers et bases de données et conservons ces sauvegardes 14 jours, restaurables depuis le Manager ; une copie externe à vous reste à votre charge.",
      ru: "Мы ежедневно делаем снимки файлов и баз данных и храним их 14 дней с возможностью восстановления из Manager; собственная внешняя копия — ваша забота.",
    }),
    shared("tls-certificates", {
      en: "Free Let's Encrypt certificates are issued and renewed automatically by us; a certificate you import is yours to renew before it expires.",
      fr: "Les certificats Let's Encrypt gratuits sont émis et renouvelés automatiquement par nos soins ; un certificat que vous importez est à renouveler par vous avant son expiration.",
      ru: "Бесплатные сертификаты Let's Encrypt мы выпускаем и продлеваем автоматически; импортированный вами сертификат продлеваете вы до истечения его срока.",
    }),
    customer("compromised-site", {
      en: "If your site is hacked, cleaning it and closing the hole are yours; we may block scripts that send spam or attack others, and tell you why.",
      fr: "Si votre site est piraté, le nettoyer et corriger la faille vous incombe ; nous pouvons bloquer les scripts qui envoient du spam ou attaquent des tiers, en vous expliquant pourquoi.",
      ru: "Если сайт взломан, очистить его и закрыть уязвимость должны вы; мы можем заблокировать скрипты, рассылающие спам или атакующие других, и объясним причину.",
    }),
    provider("ddos-protection", {
      en: "Attacks against the shared platform are filtered by our anti-DDoS network; a targeted site may be isolated to protect the others.",
      fr: "Les attaques contre la plateforme mutualisée sont filtrées par notre réseau anti-DDoS ; un site ciblé peut être isolé pour protéger les autres.",
      ru: "Атаки на общую платформу фильтруются нашей сетью защиты от DDoS; атакуемый сайт может быть изолирован, чтобы защитить остальных.",
    }),
  ],

  email: [
    provider("mail-platform", {
      en: "Mail servers, redundant mailbox storage and webmail availability are ours to run, monitor and repair.",
      fr: "Les serveurs de messagerie, le stockage redondant des boîtes et la disponibilité du webmail sont exploités, supervisés et réparés par nos soins.",
      ru: "Почтовые серверы, резервированное хранилище ящиков и доступность веб-почты мы эксплуатируем, контролируем и ремонтируем сами.",
    }),
    provider("spam-and-virus-filtering", {
      en: "Incoming mail goes through our antispam and antivirus filters; report misclassified messages so that we can tune them.",
      fr: "Le courrier entrant passe par nos filtres antispam et antivirus ; signalez-nous les messages mal classés pour que nous les ajustions.",
      ru: "Входящая почта проходит через наши антиспам- и антивирусные фильтры; сообщайте о неверно классифицированных письмах, чтобы мы их донастроили.",
    }),
    customer("mailbox-content", {
      en: "Messages, folders, contacts and calendars are yours to organise and delete; we never read them.",
      fr: "Les messages, dossiers, contacts et calendriers sont à organiser et supprimer par vous ; nous ne les lisons jamais.",
      ru: "Письма, папки, контакты и календари вы упорядочиваете и удаляете сами; мы их никогда не читаем.",
    }),
    shared("dns-zone-content", {
      en: "If your zone is hosted with us, we publish the MX, SPF, DKIM and DMARC records; if it is elsewhere, you publish them at your DNS host.",
      fr: "Si votre zone est hébergée chez nous, nous publions les enregistrements MX, SPF, DKIM et DMARC ; si elle est ailleurs, c'est à vous de les publier chez votre hébergeur DNS.",
      ru: "Если ваша зона размещена у нас, мы публикуем записи MX, SPF, DKIM и DMARC; если в другом месте, их публикуете вы у своего DNS-провайдера.",
    }),
    shared("backups", {
      en: "Deleted messages can be restored for 14 days and copies protect against hardware loss; longer archiving for legal reasons is yours.",
      fr: "Les messages supprimés sont récupérables pendant 14 jours et des copies protègent contre les pannes matérielles ; l'archivage de longue durée pour raisons légales vous incombe.",
      ru: "Удалённые письма можно восстановить в течение 14 дней, а копии защищают от потери оборудования; длительное архивирование по требованиям закона — на вас.",
    }),
    customer("account-security", {
      en: "Mailbox passwords, two-factor authentication and the devices your users sign in from are yours; a hijacked mailbox is yours to secure.",
      fr: "Les mots de passe des boîtes, la double authentification et les appareils de vos utilisateurs sont à votre charge ; une boîte piratée est à sécuriser par vous.",
      ru: "Пароли ящиков, двухфакторная аутентификация и устройства ваших пользователей — ваша ответственность; взломанный ящик защищаете вы.",
    }),
    shared("sending-reputation", {
      en: "We watch the reputation of our sending IPs and may block a mailbox that sends spam; writing only to recipients who agreed is yours.",
      fr: "Nous surveillons la réputation de nos IP d'envoi et pouvons bloquer une boîte qui envoie du spam ; n'écrire qu'à des destinataires consentants vous revient.",
      ru: "Мы следим за репутацией наших исходящих IP и можем заблокировать ящик, рассылающий спам; писать только согласившимся получателям — ваша задача.",
    }),
    customer("mail-clients", {
      en: "Setting up Outlook, Thunderbird or phones with the published IMAP/SMTP settings is yours; our guides show every step.",
      fr: "Configurer Outlook, Thunderbird ou vos téléphones avec les paramètres IMAP/SMTP publiés vous revient ; nos guides détaillent chaque étape.",
      ru: "Настройка Outlook, Thunderbird или телефонов по опубликованным параметрам IMAP/SMTP — на вас; наши инструкции описывают каждый шаг.",
    }),
  ],

  "internet-access": [
    provider("network", {
      en: "Our backbone, peering and transit, and the collection link from the exchange to our network are ours to run and repair.",
      fr: "Notre réseau cœur, le peering et le transit, ainsi que la collecte depuis le central jusqu'à notre réseau, sont exploités et réparés par nos soins.",
      ru: "Нашу магистральную сеть, пиринг и транзит, а также канал от АТС до нашей сети мы эксплуатируем и ремонтируем сами.",
    }),
    shared("local-loop", {
      en: "The line from the exchange to your building belongs to the local operator: we open and follow the repair ticket with them; you let their technician in.",
      fr: "La ligne entre le central et votre bâtiment appartient à l'opérateur local : nous ouvrons et suivons le ticket de réparation auprès de lui ; vous donnez accès à son technicien.",
      ru: "Линия от АТС до вашего здания принадлежит местному оператору: мы открываем заявку на ремонт и ведём её, а вы обеспечиваете доступ его технику.",
    }),
    customer("premises-wiring", {
      en: "Cabling and sockets inside your premises, after the termination point, are yours to install and maintain.",
      fr: "Le câblage et les prises à l'intérieur de vos locaux, après le point de terminaison, sont à installer et entretenir par vous.",
      ru: "Кабели и розетки внутри ваших помещений после точки подключения вы прокладываете и обслуживаете сами.",
    }),
    shared("router", {
      en: "We supply the router, update its firmware and replace it if it fails; its placement, power and Wi-Fi settings are yours.",
      fr: "Nous fournissons le routeur, mettons à jour son micrologiciel et le remplaçons en cas de panne ; son emplacement, son alimentation et ses réglages Wi-Fi sont à votre charge.",
      ru: "Мы предоставляем роутер, обновляем его прошивку и заменяем при неисправности; его размещение, питание и настройки Wi-Fi — на вас.",
    }),
    provider("ip-connectivity", {
      en: "Assigning your IPv4 and IPv6 addresses, routing them to the internet and running the DNS resolvers are ours.",
      fr: "L'attribution de vos adresses IPv4 et IPv6, leur routage vers internet et l'exploitation des résolveurs DNS sont à notre charge.",
      ru: "Выделение адресов IPv4 и IPv6, их маршрутизация в интернет и работа DNS-резолверов — наша забота.",
    }),
    customer("local-network", {
      en: "Wi-Fi coverage, computers, switches and firewall rules on your LAN are yours; a slow device is not a slow line.",
      fr: "La couverture Wi-Fi, vos ordinateurs, commutateurs et règles de pare-feu sur votre réseau local sont à votre charge ; un appareil lent n'est pas une ligne lente.",
      ru: "Покрытие Wi-Fi, компьютеры, коммутаторы и правила межсетевого экрана в вашей локальной сети — ваша ответственность; медленное устройство — ещё не медленная линия.",
    }),
    customer("line-usage", {
      en: "Traffic leaving your line is yours, including infected devices sending spam or attacks; we tell you before restricting the line.",
      fr: "Le trafic émis par votre ligne vous incombe, y compris celui d'appareils infectés qui envoient du spam ou des attaques ; nous vous prévenons avant de restreindre la ligne.",
      ru: "За трафик с вашей линии отвечаете вы, в том числе за заражённые устройства, рассылающие спам или атаки; перед ограничением линии мы вас предупредим.",
    }),
  ],

  voip: [
    provider("telephony-platform", {
      en: "SIP servers, call routing, voicemail and interconnection with other operators are ours to run and repair.",
      fr: "Les serveurs SIP, l'acheminement des appels, la messagerie vocale et l'interconnexion avec les autres opérateurs sont exploités et réparés par nos soins.",
      ru: "SIP-серверы, маршрутизацию вызовов, голосовую почту и взаимодействие с другими операторами мы эксплуатируем и ремонтируем сами.",
    }),
    provider("numbers", {
      en: "Allocating your numbers, keeping them in service and registering them in the operators' databases are ours.",
      fr: "L'attribution de vos numéros, leur maintien en service et leur inscription dans les bases des opérateurs sont à notre charge.",
      ru: "Выделение ваших номеров, поддержание их в работе и внесение в базы данных операторов — наша забота.",
    }),
    shared("number-porting", {
      en: "We submit the porting request to your previous operator and schedule the switch; the signed mandate and exact line details are yours to provide.",
      fr: "Nous transmettons la demande de portabilité à votre ancien opérateur et planifions la bascule ; le mandat signé et les informations exactes de la ligne sont à fournir par vous.",
      ru: "Мы направляем заявку на перенос номера вашему прежнему оператору и планируем переключение; подписанную доверенность и точные данные линии предоставляете вы.",
    }),
    shared("emergency-calls", {
      en: "We route emergency calls to the right services; you keep the declared address of each line accurate so that help reaches the right place.",
      fr: "Nous acheminons les appels d'urgence vers les bons services ; vous tenez à jour l'adresse déclarée de chaque ligne pour que les secours arrivent au bon endroit.",
      ru: "Мы направляем экстренные вызовы в нужные службы; вы поддерживаете актуальным заявленный адрес каждой линии, чтобы помощь пришла по адресу.",
    }),
    customer("handsets", {
      en: "Desk phones, softphones, their configuration and firmware are yours; we publish settings for the common models.",
      fr: "Les postes fixes, les softphones, leur configuration et leur micrologiciel sont à votre charge ; nous publions les réglages des modèles courants.",
      ru: "Настольные и программные телефоны, их настройка и прошивка — ваша ответственность; параметры для распространённых моделей мы публикуем.",
    }),
    customer("local-network", {
      en: "Bandwidth, QoS and firewall rules on your network (SIP ALG disabled) are yours; most one-way audio problems start there.",
      fr: "La bande passante, la QoS et les règles de pare-feu de votre réseau (SIP ALG désactivé) sont à votre charge ; la plupart des problèmes d'audio à sens unique viennent de là.",
      ru: "Пропускная способность, QoS и правила межсетевого экрана в вашей сети (SIP ALG отключён) — на вас; именно отсюда чаще всего берётся односторонняя слышимость.",
    }),
    shared("toll-fraud", {
      en: "We alert you and can block unusual international call volumes; keeping SIP passwords secret and restricting destinations are yours, and fraudulent calls are billed.",
      fr: "Nous vous alertons et pouvons bloquer les volumes inhabituels d'appels internationaux ; garder secrets les mots de passe SIP et restreindre les destinations vous incombe, et les appels frauduleux sont facturés.",
      ru: "Мы предупреждаем вас и можем блокировать необычные объёмы международных вызовов; хранить SIP-пароли в секрете и ограничивать направления — ваша задача, а мошеннические звонки оплачиваются.",
    }),
  ],

  saas: [
    provider("infrastructure", {
      en: "Servers, storage, network and datacentres running the application are ours; you never manage a server.",
      fr: "Les serveurs, le stockage, le réseau et les datacenters qui font tourner l'application sont à notre charge ; vous n'administrez aucun serveur.",
      ru: "Серверы, хранилище, сеть и дата-центры, на которых работает приложение, — наша забота; никаким сервером вы не управляете.",
    }),
    provider("application", {
      en: "Installing, upgrading and keeping the application available are ours; upgrades are announced in advance on the work board.",
      fr: "L'installation, les mises à niveau et la disponibilité de l'application sont à notre charge ; les mises à niveau sont annoncées à l'avance sur le tableau des travaux.",
      ru: "Установка, обновление и доступность приложения — наша забота; об обновлениях мы заранее объявляем на доске работ.",
    }),
    provider("security-updates", {
      en: "Security fixes of the application and of everything beneath it are applied by us, urgently when a flaw is actively exploited.",
      fr: "Les correctifs de sécurité de l'application et de toute la pile sous-jacente sont appliqués par nos soins, en urgence lorsqu'une faille est activement exploitée.",
      ru: "Исправления безопасности приложения и всего стека под ним устанавливаем мы — срочно, если уязвимость активно эксплуатируется.",
    }),
    customer("user-management", {
      en: "Creating users, granting rights and removing people who leave are yours; we do not add users on a phone call.",
      fr: "Créer les utilisateurs, attribuer les droits et retirer les personnes qui partent vous incombe ; nous n'ajoutons pas d'utilisateur sur simple appel.",
      ru: "Создание пользователей, выдача прав и удаление уволившихся — ваша задача; по телефонному звонку мы пользователей не добавляем.",
    }),
    customer("data", {
      en: "The documents and content you store, and whom you share them with, are yours; you can export them at any time.",
      fr: "Les documents et contenus que vous stockez, et les personnes avec qui vous les partagez, relèvent de vous ; vous pouvez les exporter à tout moment.",
      ru: "Хранимые документы и материалы, а также то, с кем вы ими делитесь, — ваша ответственность; экспортировать их можно в любой момент.",
    }),
    shared("backups", {
      en: "We back up the platform daily to recover from a disaster; a file a user deleted is restored by you from the trash within 30 days.",
      fr: "Nous sauvegardons la plateforme chaque jour pour la restaurer après un sinistre ; un fichier supprimé par un utilisateur se restaure par vous depuis la corbeille pendant 30 jours.",
      ru: "Мы ежедневно делаем резервную копию платформы для восстановления после аварии; удалённый пользователем файл вы восстанавливаете сами из корзины в течение 30 дней.",
    }),
    customer("integrations", {
      en: "Single sign-on with your directory and connections to third-party tools are yours to configure; we document the supported protocols.",
      fr: "L'authentification unique avec votre annuaire et les connexions aux outils tiers sont à configurer par vous ; nous documentons les protocoles pris en charge.",
      ru: "Единый вход через ваш каталог и подключение сторонних инструментов вы настраиваете сами; поддерживаемые протоколы мы документируем.",
    }),
  ],
};
