import {
  customer,
  ownApplications,
  ownData,
  provider,
  type ResponsibilityRow,
  shared,
} from "./common.ts";

/** Matrices of the public-cloud universe: self-service compute, storage and Kubernetes. */
export const publicCloudMatrices: Record<string, ResponsibilityRow[]> = {
  instance: [
    provider("hardware", {
      en: "Compute hosts are ours; after a host failure we restart your instance on another host, though data on its ephemeral local disk may be lost.",
      fr: "Les hôtes de calcul sont à notre charge ; après une panne d'hôte, nous redémarrons votre instance sur un autre hôte, mais les données de son disque local éphémère peuvent être perdues.",
      ru: "Вычислительные хосты — наша забота; после отказа хоста мы перезапускаем инстанс на другом хосте, но данные на его эфемерном локальном диске могут быть утеряны.",
    }),
    provider("hypervisor", {
      en: "The OpenStack platform, its hypervisors and its APIs are ours to run, patch and keep available.",
      fr: "La plateforme OpenStack, ses hyperviseurs et ses API sont exploités, corrigés et maintenus disponibles par nos soins.",
      ru: "Платформу OpenStack, её гипервизоры и API мы эксплуатируем, обновляем и поддерживаем в рабочем состоянии.",
    }),
    provider("network", {
      en: "Public and private networks, floating IPs and routing up to your instance's interface are ours.",
      fr: "Les réseaux publics et privés, les IP flottantes et le routage jusqu'à l'interface de votre instance sont à notre charge.",
      ru: "Публичные и частные сети, плавающие IP-адреса и маршрутизация до интерфейса инстанса — наша забота.",
    }),
    customer("security-groups", {
      en: "Security groups and the ports you open are yours; an instance exposed by a too-open rule is not protected by us.",
      fr: "Les groupes de sécurité et les ports que vous ouvrez sont à votre charge ; une instance exposée par une règle trop ouverte n'est pas protégée par nos soins.",
      ru: "Группы безопасности и открываемые вами порты — ваша ответственность; инстанс, открытый слишком широким правилом, мы не защищаем.",
    }),
    customer("operating-system", {
      en: "The image you boot and everything in the guest system (users, SSH keys, patches) are yours.",
      fr: "L'image que vous démarrez et tout ce qui se trouve dans le système invité (comptes, clés SSH, correctifs) sont à votre charge.",
      ru: "Загружаемый образ и всё в гостевой системе (учётные записи, SSH-ключи, обновления) — ваша ответственность.",
    }),
    ownApplications,
    ownData,
    customer("backups", {
      en: "Snapshots are a tool we provide; deciding when to take them, keeping copies in another region and testing restores are yours.",
      fr: "Les snapshots sont un outil que nous fournissons ; décider quand les prendre, en garder des copies dans une autre région et tester les restaurations vous incombe.",
      ru: "Снимки — инструмент, который мы предоставляем; решать, когда их делать, хранить копии в другом регионе и проверять восстановление — ваша задача.",
    }),
    shared("high-availability", {
      en: "We keep each region's platform available; surviving the loss of one instance or of a whole region by running several instances is yours to design.",
      fr: "Nous assurons la disponibilité de la plateforme de chaque région ; résister à la perte d'une instance ou d'une région entière en multipliant les instances relève de votre architecture.",
      ru: "Мы обеспечиваем доступность платформы в каждом регионе; устойчивость к потере инстанса или целого региона за счёт нескольких инстансов — задача вашей архитектуры.",
    }),
  ],

  "block-storage": [
    provider("storage-hardware", {
      en: "Storage servers and disks are ours; each volume is replicated three times on separate servers, so a disk failure loses nothing.",
      fr: "Les serveurs de stockage et les disques sont à notre charge ; chaque volume est répliqué trois fois sur des serveurs distincts, si bien qu'une panne de disque ne fait rien perdre.",
      ru: "Серверы хранения и диски — наша забота; каждый том реплицируется трижды на разные серверы, поэтому отказ диска не приводит к потере данных.",
    }),
    provider("network", {
      en: "The storage network between your instance and the volume, and the volume's guaranteed IOPS, are ours.",
      fr: "Le réseau de stockage entre votre instance et le volume, ainsi que les IOPS garanties du volume, sont à notre charge.",
      ru: "Сеть хранения между инстансом и томом, а также гарантированные IOPS тома — наша забота.",
    }),
    customer("filesystem", {
      en: "Partitioning, formatting and mounting the volume, and repairing its filesystem after an unclean shutdown, are yours.",
      fr: "Partitionner, formater et monter le volume, puis réparer son système de fichiers après un arrêt brutal vous incombe.",
      ru: "Разметка, форматирование и монтирование тома, а также восстановление файловой системы после аварийного выключения — ваша задача.",
    }),
    ownData,
    customer("backups", {
      en: "Replication is not a backup: a file you delete or a volume you destroy is gone. Snapshots and off-site copies are yours to schedule.",
      fr: "La réplication n'est pas une sauvegarde : un fichier supprimé ou un volume détruit est perdu. Les snapshots et copies externes sont à planifier par vous.",
      ru: "Репликация — не резервное копирование: удалённый файл или уничтоженный том не вернуть. Снимки и внешние копии планируете вы.",
    }),
    shared("encryption", {
      en: "Volumes are encrypted at rest with keys we manage; encrypting inside the instance with your own keys, and keeping those keys, are yours.",
      fr: "Les volumes sont chiffrés au repos avec des clés que nous gérons ; chiffrer au sein de l'instance avec vos propres clés, et conserver ces clés, vous incombe.",
      ru: "Тома шифруются при хранении ключами, которыми управляем мы; шифрование внутри инстанса собственными ключами и хранение этих ключей — на вас.",
    }),
    customer("capacity", {
      en: "Sizing volumes, watching how full they are and growing them with their filesystem before they fill up are yours.",
      fr: "Dimensionner les volumes, surveiller leur remplissage et les agrandir avec leur système de fichiers avant qu'ils ne soient pleins vous incombe.",
      ru: "Выбор размера томов, контроль их заполненности и расширение вместе с файловой системой до заполнения — ваша задача.",
    }),
  ],

  "object-storage": [
    provider("storage-hardware", {
      en: "Storage nodes and disks are ours; objects are spread across servers with erasure coding so that hardware failures lose no data.",
      fr: "Les nœuds et disques de stockage sont à notre charge ; les objets sont répartis sur plusieurs serveurs par codage à effacement pour qu'une panne matérielle ne fasse perdre aucune donnée.",
      ru: "Узлы и диски хранилища — наша забота; объекты распределяются по серверам с помощью кодов стирания, чтобы аппаратные сбои не приводили к потере данных.",
    }),
    provider("api-endpoint", {
      en: "The S3-compatible endpoint, its TLS certificates and its availability are ours; an error returned by the endpoint itself is our incident.",
      fr: "Le point d'accès compatible S3, ses certificats TLS et sa disponibilité sont à notre charge ; une erreur renvoyée par le point d'accès lui-même est un incident de notre fait.",
      ru: "S3-совместимая точка доступа, её TLS-сертификаты и доступность — наша забота; ошибка, возвращаемая самой точкой доступа, — наш инцидент.",
    }),
    provider("ddos-protection", {
      en: "Attacks against the storage endpoints are filtered by our anti-DDoS network before they reach the platform.",
      fr: "Les attaques visant les points d'accès de stockage sont filtrées par notre réseau anti-DDoS avant d'atteindre la plateforme.",
      ru: "Атаки на точки доступа хранилища фильтруются нашей сетью защиты от DDoS ещё до того, как они достигнут платформы.",
    }),
    customer("access-policies", {
      en: "Access keys, bucket policies and public buckets are yours; a bucket you make public is readable by anyone, and its outgoing traffic is billed.",
      fr: "Les clés d'accès, les politiques de bucket et les buckets publics sont à votre charge ; un bucket rendu public est lisible par tous, et son trafic sortant est facturé.",
      ru: "Ключи доступа, политики бакетов и публичные бакеты — ваша ответственность; публичный бакет может прочитать кто угодно, а его исходящий трафик оплачивается.",
    }),
    ownData,
    customer("versioning-and-lifecycle", {
      en: "Enabling versioning, object lock and lifecycle rules is yours; without versioning, an overwritten or deleted object cannot be recovered.",
      fr: "Activer le versionnage, le verrouillage d'objets et les règles de cycle de vie vous incombe ; sans versionnage, un objet écrasé ou supprimé est irrécupérable.",
      ru: "Включение версионирования, блокировки объектов и правил жизненного цикла — ваша задача; без версионирования перезаписанный или удалённый объект восстановить нельзя.",
    }),
    shared("encryption", {
      en: "Objects are encrypted at rest by us; client-side encryption or keys you supply (SSE-C) are yours to manage, and must not be lost.",
      fr: "Les objets sont chiffrés au repos par nos soins ; le chiffrement côté client ou les clés que vous fournissez (SSE-C) sont à gérer par vous et ne doivent pas être perdus.",
      ru: "Объекты шифруются при хранении нами; шифрование на стороне клиента или предоставленные вами ключи (SSE-C) — ваша забота, и терять их нельзя.",
    }),
    customer("cross-region-replication", {
      en: "Data stays in the region you chose; replicating buckets to a second region for disaster recovery is an option you configure.",
      fr: "Les données restent dans la région choisie ; répliquer vos buckets vers une seconde région pour la reprise après sinistre est une option que vous configurez.",
      ru: "Данные остаются в выбранном вами регионе; репликация бакетов во второй регион для аварийного восстановления — опция, которую настраиваете вы.",
    }),
  ],

  "managed-kubernetes": [
    provider("kubernetes-control-plane", {
      en: "The API server, etcd, scheduler and controllers are run, monitored, backed up and patched by us; you never see their machines.",
      fr: "Le serveur d'API, etcd, l'ordonnanceur et les contrôleurs sont exploités, supervisés, sauvegardés et corrigés par nos soins ; vous n'en voyez jamais les machines.",
      ru: "API-сервер, etcd, планировщик и контроллеры мы эксплуатируем, контролируем, резервируем и обновляем; их машины вам не видны.",
    }),
    provider("hardware", {
      en: "The hosts running the control plane and your nodes are ours; a hardware failure is repaired without action from you.",
      fr: "Les hôtes qui font tourner le plan de contrôle et vos nœuds sont à notre charge ; une panne matérielle est réparée sans action de votre part.",
      ru: "Хосты, на которых работают плоскость управления и ваши узлы, — наша забота; аппаратный сбой устраняется без ваших действий.",
    }),
    provider("network", {
      en: "The cluster network plugin, the load balancers created by your Services and the underlying network are ours.",
      fr: "Le plugin réseau du cluster, les répartiteurs de charge créés par vos Services et le réseau sous-jacent sont à notre charge.",
      ru: "Сетевой плагин кластера, балансировщики нагрузки, создаваемые вашими Service, и нижележащая сеть — наша забота.",
    }),
    shared("worker-nodes", {
      en: "We provide the node images and replace nodes that fail health checks; sizing node pools and enabling autoscaling are yours.",
      fr: "Nous fournissons les images des nœuds et remplaçons ceux qui échouent aux contrôles de santé ; dimensionner les pools de nœuds et activer l'autoscaling vous incombe.",
      ru: "Мы предоставляем образы узлов и заменяем узлы, не прошедшие проверку работоспособности; выбор размера пулов узлов и включение автомасштабирования — на вас.",
    }),
    shared("cluster-upgrades", {
      en: "Patch releases are applied by us automatically; planning the minor-version upgrade before your version leaves support, and checking your manifests for removed APIs, are yours.",
      fr: "Les versions correctives sont appliquées automatiquement par nos soins ; planifier la montée de version mineure avant la fin du support et vérifier vos manifestes face aux API supprimées vous incombe.",
      ru: "Патч-релизы мы устанавливаем автоматически; планировать переход на новую минорную версию до окончания поддержки текущей и проверять манифесты на удалённые API — ваша задача.",
    }),
    customer("workloads", {
      en: "Your deployments, Helm charts, resource requests and limits, and how they behave, are yours; a crashing pod is not a platform incident.",
      fr: "Vos déploiements, charts Helm, requêtes et limites de ressources, ainsi que leur comportement, sont à votre charge ; un pod qui plante n'est pas un incident de plateforme.",
      ru: "Ваши развёртывания, Helm-чарты, запросы и лимиты ресурсов и их поведение — ваша ответственность; падающий под — не инцидент платформы.",
    }),
    customer("container-images", {
      en: "Building, scanning and patching your container images, and the registries you pull them from, are yours.",
      fr: "Construire, analyser et corriger vos images de conteneurs, ainsi que les registres d'où vous les tirez, vous incombe.",
      ru: "Сборка, сканирование и обновление образов контейнеров, а также реестры, из которых вы их загружаете, — ваша задача.",
    }),
    customer("access-control", {
      en: "RBAC rules, handing out kubeconfig files and Kubernetes secrets are yours; reset the kubeconfig at once if it leaks.",
      fr: "Les règles RBAC, la distribution des fichiers kubeconfig et les secrets Kubernetes sont à votre charge ; réinitialisez immédiatement le kubeconfig en cas de fuite.",
      ru: "Правила RBAC, распространение файлов kubeconfig и секреты Kubernetes — ваша ответственность; при утечке kubeconfig немедленно сбросьте его.",
    }),
    customer("persistent-data", {
      en: "Data in persistent volumes and its backups (for example with Velero) are yours; deleting a PersistentVolumeClaim can delete the volume.",
      fr: "Les données des volumes persistants et leurs sauvegardes (par exemple avec Velero) sont à votre charge ; supprimer un PersistentVolumeClaim peut supprimer le volume.",
      ru: "Данные в постоянных томах и их резервные копии (например, с помощью Velero) — ваша ответственность; удаление PersistentVolumeClaim может удалить и сам том.",
    }),
  ],
};
