import {
  customer,
  ownApplications,
  ownData,
  powerAndCooling,
  provider,
  type ResponsibilityRow,
  shared,
} from "./common.ts";

/** Matrices of the enterprise universe: dedicated virtualisation platforms, hosted or hybrid. */
export const enterpriseMatrices: Record<string, ResponsibilityRow[]> = {
  "hosted-private-cloud": [
    provider("hardware", {
      en: "Dedicated hosts and storage arrays are ours; a failed host is replaced within the contractual delay while its VMs restart on the others (HA).",
      fr: "Les hôtes dédiés et les baies de stockage sont à notre charge ; un hôte défaillant est remplacé dans le délai contractuel pendant que ses VM redémarrent sur les autres (HA).",
      ru: "Выделенные хосты и системы хранения — наша забота; отказавший хост заменяется в договорной срок, а его ВМ тем временем перезапускаются на остальных (HA).",
    }),
    powerAndCooling,
    provider("network", {
      en: "The physical network, redundant uplinks and connectivity of the platform are ours, up to the virtual switches.",
      fr: "Le réseau physique, les liens redondants et la connectivité de la plateforme sont à notre charge, jusqu'aux commutateurs virtuels.",
      ru: "Физическая сеть, резервированные каналы и связность платформы — наша забота, вплоть до виртуальных коммутаторов.",
    }),
    provider("hypervisor", {
      en: "ESXi hosts are installed, patched and upgraded by us in maintenance windows announced on the work board.",
      fr: "Les hôtes ESXi sont installés, corrigés et mis à niveau par nos soins lors de fenêtres de maintenance annoncées sur le tableau des travaux.",
      ru: "Хосты ESXi устанавливаем, обновляем и переводим на новые версии мы — в окна обслуживания, объявленные на доске работ.",
    }),
    shared("virtualisation-management", {
      en: "We run and update vCenter; creating VMs, virtual networks, permissions and resource pools in it are yours.",
      fr: "Nous exploitons et mettons à jour vCenter ; y créer les VM, réseaux virtuels, droits et pools de ressources vous incombe.",
      ru: "Мы эксплуатируем и обновляем vCenter; создание в нём ВМ, виртуальных сетей, прав и пулов ресурсов — ваша задача.",
    }),
    customer("operating-system", {
      en: "Guest operating systems in your VMs, their licences and patches are yours; we do not log into your VMs.",
      fr: "Les systèmes d'exploitation invités de vos VM, leurs licences et correctifs sont à votre charge ; nous ne nous connectons pas à vos VM.",
      ru: "Гостевые операционные системы в ваших ВМ, их лицензии и обновления — ваша ответственность; в ваши ВМ мы не входим.",
    }),
    ownApplications,
    ownData,
    shared("backups", {
      en: "With the backup option we run the backup infrastructure and the jobs you define; choosing what to protect and testing restores are yours.",
      fr: "Avec l'option de sauvegarde, nous exploitons l'infrastructure et exécutons les tâches que vous définissez ; choisir quoi protéger et tester les restaurations vous incombe.",
      ru: "С опцией резервного копирования мы эксплуатируем инфраструктуру и выполняем заданные вами задания; выбор защищаемых данных и проверка восстановления — на вас.",
    }),
    shared("disaster-recovery", {
      en: "We provide a second datacentre and the replication tooling; designing, documenting and rehearsing your recovery plan are yours.",
      fr: "Nous fournissons un second datacenter et les outils de réplication ; concevoir, documenter et tester votre plan de reprise vous incombe.",
      ru: "Мы предоставляем второй дата-центр и средства репликации; разработка, документирование и отработка плана восстановления — ваша задача.",
    }),
  ],

  "hybrid-cloud": [
    provider("hosted-infrastructure", {
      en: "Hosts, storage and network of the hosted part, in our datacentres, are ours to run, monitor and repair.",
      fr: "Les hôtes, le stockage et le réseau de la partie hébergée, dans nos datacenters, sont exploités, supervisés et réparés par nos soins.",
      ru: "Хосты, хранилище и сеть размещённой части в наших дата-центрах мы эксплуатируем, контролируем и ремонтируем.",
    }),
    provider("hypervisor", {
      en: "The hypervisors and management stack of the hosted part are patched and upgraded by us in announced maintenance windows.",
      fr: "Les hyperviseurs et la pile d'administration de la partie hébergée sont corrigés et mis à niveau par nos soins lors de fenêtres de maintenance annoncées.",
      ru: "Гипервизоры и стек управления размещённой части мы обновляем в объявленные окна обслуживания.",
    }),
    customer("on-premises-infrastructure", {
      en: "Your own servers, storage, hypervisors and server room are yours, including keeping them on the versions we publish as supported.",
      fr: "Vos propres serveurs, stockage, hyperviseurs et salle serveur sont à votre charge, y compris leur maintien dans les versions que nous publions comme prises en charge.",
      ru: "Ваши собственные серверы, хранилища, гипервизоры и серверная — ваша ответственность, включая поддержание версий, которые мы публикуем как поддерживаемые.",
    }),
    shared("interconnect", {
      en: "We run the private link up to our meet-me room and monitor it end to end; your routers and the local carrier circuit to your site are yours.",
      fr: "Nous exploitons le lien privé jusqu'à notre salle d'interconnexion et le supervisons de bout en bout ; vos routeurs et le circuit de l'opérateur local jusqu'à votre site sont à votre charge.",
      ru: "Мы эксплуатируем частный канал до нашей зоны кросс-соединений и контролируем его из конца в конец; ваши маршрутизаторы и канал местного оператора до вашей площадки — на вас.",
    }),
    shared("network-routing", {
      en: "We route traffic inside our private network; the IP plan, BGP announcements from your sites and firewalls between environments are yours.",
      fr: "Nous acheminons le trafic au sein de notre réseau privé ; le plan d'adressage, les annonces BGP depuis vos sites et les pare-feu entre environnements sont à votre charge.",
      ru: "Мы маршрутизируем трафик внутри нашей частной сети; план IP-адресации, BGP-анонсы с ваших площадок и межсетевые экраны между средами — ваша ответственность.",
    }),
    customer("identity-federation", {
      en: "Connecting your directory (Active Directory, LDAP, SAML) and deciding who may administer both environments are yours.",
      fr: "Raccorder votre annuaire (Active Directory, LDAP, SAML) et décider qui peut administrer les deux environnements vous incombe.",
      ru: "Подключение вашего каталога (Active Directory, LDAP, SAML) и решение о том, кто может администрировать обе среды, — ваша задача.",
    }),
    customer("operating-system", {
      en: "Guest systems on both sides, their licences and patches are yours, wherever the VM happens to run.",
      fr: "Les systèmes invités des deux côtés, leurs licences et correctifs sont à votre charge, quel que soit l'endroit où tourne la VM.",
      ru: "Гостевые системы по обе стороны, их лицензии и обновления — ваша ответственность, где бы ни работала ВМ.",
    }),
    shared("workload-migration", {
      en: "We provide and support the migration tooling between sites; deciding what moves and when, and validating the applications afterwards, are yours.",
      fr: "Nous fournissons et maintenons les outils de migration entre sites ; décider quoi déplacer et quand, puis valider les applications, vous incombe.",
      ru: "Мы предоставляем и поддерживаем инструменты миграции между площадками; решать, что и когда переносить, и проверять приложения после переноса — ваша задача.",
    }),
    ownApplications,
    ownData,
  ],
};
