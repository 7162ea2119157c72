import type { TicketTemplate, TicketText } from "./demo-support-texts.ts";

const t = (en: TicketText, fr: TicketText, ru: TicketText) => ({ en, fr, ru });

/** Incidents and questions about servers, public cloud and private cloud. */
export const SERVER_TEMPLATES: TicketTemplate[] = [
  {
    category: "incident",
    family: "server",
    texts: t(
      {
        subject: "Server unreachable since this morning",
        body: "Since 07:40 the server answers neither ping nor SSH. Nothing changed on our side. Can you check the host and the network?",
        answer:
          "The server had frozen on a kernel panic; we rebooted it from the management card and it answers again. The hardware tests found nothing.",
      },
      {
        subject: "Serveur injoignable depuis ce matin",
        body: "Depuis 7 h 40 le serveur ne répond plus au ping ni en SSH. Rien n'a changé de notre côté. Pouvez-vous vérifier la machine et le réseau ?",
        answer:
          "Le serveur était bloqué sur un kernel panic ; nous l'avons redémarré depuis la carte de gestion et il répond de nouveau. Les tests matériels n'ont rien relevé.",
      },
      {
        subject: "Сервер недоступен с утра",
        body: "С 07:40 сервер не отвечает ни на ping, ни по SSH. С нашей стороны ничего не меняли. Проверьте, пожалуйста, машину и сеть.",
        answer:
          "Сервер завис из-за kernel panic; мы перезагрузили его через карту управления, и он снова доступен. Тесты оборудования ничего не выявили.",
      },
    ),
  },
  {
    category: "incident",
    family: "server",
    texts: t(
      {
        subject: "Disk errors in the kernel log",
        body: "The kernel log shows I/O errors on the second disk and SMART reports reallocated sectors. Can you replace it?",
        answer:
          "We confirmed the failing disk and scheduled its replacement; the technician will hot-swap it, the RAID will then rebuild on its own.",
      },
      {
        subject: "Erreurs disque dans le journal du noyau",
        body: "Le journal du noyau affiche des erreurs d'E/S sur le second disque et SMART signale des secteurs réalloués. Pouvez-vous le remplacer ?",
        answer:
          "Nous avons confirmé la défaillance du disque et planifié son remplacement à chaud ; le RAID se reconstruira ensuite de lui-même.",
      },
      {
        subject: "Ошибки диска в журнале ядра",
        body: "В журнале ядра ошибки ввода-вывода на втором диске, SMART показывает переназначенные секторы. Можно заменить диск?",
        answer:
          "Неисправность диска подтверждена, замена запланирована без остановки сервера; после неё RAID восстановится сам.",
      },
    ),
  },
  {
    category: "assistance",
    family: "server",
    texts: t(
      {
        subject: "How do I boot into rescue mode?",
        body: "I need to repair the boot loader. How do I start the server in rescue mode and mount my disks?",
        answer:
          "Choose “rescue” as the boot mode in the Manager and reboot; you will receive temporary credentials by email, then mount your partitions under /mnt.",
      },
      {
        subject: "Comment démarrer en mode rescue ?",
        body: "Je dois réparer le chargeur de démarrage. Comment démarrer le serveur en mode rescue et monter mes disques ?",
        answer:
          "Choisissez « rescue » comme mode de démarrage dans le Manager puis redémarrez ; vous recevrez des identifiants temporaires par e-mail, montez ensuite vos partitions sous /mnt.",
      },
      {
        subject: "Как загрузиться в режиме rescue?",
        body: "Нужно починить загрузчик. Как запустить сервер в режиме rescue и смонтировать диски?",
        answer:
          "Выберите режим загрузки «rescue» в Manager и перезагрузите сервер; временные учётные данные придут на почту, затем смонтируйте разделы в /mnt.",
      },
    ),
  },
  {
    category: "incident",
    family: "cloud",
    texts: t(
      {
        subject: "Instance stuck while rebooting",
        body: "Our instance has shown “rebooting” for 40 minutes and the console stays black. Our production API runs on it.",
        answer:
          "The host under your instance had a stuck hypervisor process; we migrated the instance to another host and it has been running since.",
      },
      {
        subject: "Instance bloquée au redémarrage",
        body: "Notre instance affiche « en redémarrage » depuis 40 minutes et la console reste noire. Notre API de production tourne dessus.",
        answer:
          "L'hôte de votre instance avait un processus d'hyperviseur bloqué ; nous avons migré l'instance sur un autre hôte, elle tourne depuis.",
      },
      {
        subject: "Инстанс завис при перезагрузке",
        body: "Инстанс уже 40 минут в статусе «перезагрузка», консоль пустая. На нём работает наш рабочий API.",
        answer:
          "На хосте вашего инстанса завис процесс гипервизора; мы перенесли инстанс на другой хост, с тех пор он работает.",
      },
    ),
  },
  {
    category: "assistance",
    family: "cloud",
    texts: t(
      {
        subject: "Raise our quota in the region",
        body: "We need 20 more vCPUs and 2 TB of volumes for a launch next week. Can you raise our quota?",
        answer:
          "Your quota is raised to 64 vCPUs and 5 TB of volumes in this region; it applies immediately.",
      },
      {
        subject: "Augmenter notre quota dans la région",
        body: "Il nous faut 20 vCPU et 2 To de volumes de plus pour un lancement la semaine prochaine. Pouvez-vous relever notre quota ?",
        answer:
          "Votre quota est relevé à 64 vCPU et 5 To de volumes dans cette région ; il s'applique immédiatement.",
      },
      {
        subject: "Увеличить квоту в регионе",
        body: "Для запуска на следующей неделе нужно ещё 20 vCPU и 2 ТБ томов. Можно увеличить квоту?",
        answer: "Квота в этом регионе увеличена до 64 vCPU и 5 ТБ томов и действует сразу.",
      },
    ),
  },
  {
    category: "incident",
    family: "private",
    texts: t(
      {
        subject: "Latency spikes on a datastore",
        body: "Since last night, datastore latency on our cluster spikes above 200 ms every few minutes and VMs freeze.",
        answer:
          "A storage controller was degraded; we failed over to its pair and the latency is back under 2 ms. The controller will be replaced.",
      },
      {
        subject: "Pics de latence sur un datastore",
        body: "Depuis cette nuit, la latence d'un datastore de notre cluster dépasse 200 ms toutes les quelques minutes et les VM se figent.",
        answer:
          "Un contrôleur de stockage était dégradé ; nous avons basculé sur son jumeau et la latence est revenue sous 2 ms. Le contrôleur sera remplacé.",
      },
      {
        subject: "Скачки задержки на хранилище",
        body: "С ночи задержка одного datastore в кластере каждые несколько минут превышает 200 мс, виртуальные машины подвисают.",
        answer:
          "Один контроллер хранилища работал в деградированном режиме; мы переключились на резервный, задержка снова ниже 2 мс. Контроллер заменят.",
      },
    ),
  },
];
