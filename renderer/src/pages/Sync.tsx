// 同步: exchange with other offices by files on a USB stick. Export for one office (only what it lacks) or
// everything; import with a preview first; a new office is trusted only after its fingerprint is compared.
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Input, Modal, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput, PickedFileRef } from '../../../shared/contract';
import { pickedFile, request, saveOutgoing } from '../api';
import { FileDrop } from '../components/FileDrop';
import { SimpleTable } from '../components/SimpleTable';
import { localTime } from '../labels';
import { identityLabel, roleLabel } from '../../../shared/labels';
import { change, useLedger } from '../state';
import { TEXT_MAX } from '../../../shared/limits';

type Info = ChannelOutput<'sync.info'>;
type Report = ChannelOutput<'sync.import'>;

const ENTITY: Record<string, string> = {
  replica: '单位身份',
  task: '任务',
  progress: '进展',
  closeout: '销号',
  unit: '单位',
  plan: '方案',
  battle: '仗',
  section: '工作任务',
  target: '指标',
  indicator: '指标',
  indicatorValue: '指标完成值',
  problem: '问题',
  supervision: '督办',
  meeting: '调度会',
  decision: '会议决定',
  report: '公文登记',
  grant: '角色确认',
  release: '放行',
};

/** Why a record was held back: 越权 (its author may not write it), 格式错误 (never applied), 时间异常 (dated ahead). */
const HELD: Record<string, { label: string; color: string }> = {
  role: { label: '越权', color: 'red' },
  content: { label: '格式错误', color: 'default' },
  clock: { label: '时间异常', color: 'orange' },
};



function Preview({ r }: { r: Report }) {
  return (
    <div data-testid="sync-preview">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="来自">{r.exporterOffice || r.exporter}</Descriptions.Item>
        <Descriptions.Item label="导出时间">{localTime(r.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Space size="large" style={{ margin: '12px 0' }}>
        <Statistic title="记录" value={r.events} />
        <Statistic title="新增" value={r.applied} />
        <Statistic title="本机已有" value={r.skipped} />
        <Statistic title="隔离" value={r.quarantined} valueStyle={{ color: r.quarantined ? '#cf1322' : undefined }} />
        {r.futureClocks > 0 && <Statistic title="暂缓（时间异常）" value={r.futureClocks} valueStyle={{ color: '#d46b08' }} />}
      </Space>
      <div style={{ marginBottom: 8 }}>
        {Object.entries(r.byEntity).map(([k, n]) => (
          <Tag key={k}>
            {ENTITY[k] ?? k} {n} 条
          </Tag>
        ))}
      </div>
      {r.tasks.length > 0 && (
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="preview-tasks" ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
          涉及任务 {r.tasks.length >= 200 ? '200 多' : r.tasks.length} 项：{r.tasks.join('、')}
        </Typography.Paragraph>
      )}
      {r.alreadyImported && <Alert type="info" showIcon title="这个同步包此前已导入过，导入不会有任何变化。" style={{ marginBottom: 8 }} />}
      {r.gaps.map((g) => (
        <Alert key={g.replica} type="warning" showIcon style={{ marginBottom: 8 }} title={`缺少该单位第 ${g.from}–${g.to} 条记录：其后的记录将在补齐后导入。请让对方重新“全部导出”。`} />
      ))}
      {r.futureClocks > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${r.futureClocks} 条记录的时间晚于现在一天以上，将暂缓生效（时间异常），到所记的时间后自动生效。请核对对方电脑的日期。`} />
      )}
      {r.released > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`此前隔离或暂缓的 ${r.released} 条记录现已生效。`} />}
    </div>
  );
}

export function Sync() {
  const { message } = App.useApp();
  const identity = useLedger((s) => s.identity);
  const [info, setInfo] = useState<Info | null>(null);
  const [peer, setPeer] = useState<string>('');
  const [file, setFile] = useState<PickedFileRef | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  /** What is being done with the picked file: a large bundle takes seconds to read, check and apply. */
  const [working, setWorking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the newest answer counts: reloads can overlap (an import, then a settle).
  const asked = useRef(0);
  const reload = () => {
    const n = ++asked.current;
    void request('sync.info', {}).then(
      (i) => n === asked.current && setInfo(i),
      (e: Error) => n === asked.current && setError(e.message),
    );
  };
  useEffect(reload, []);

  const isCenter = identity?.role === 'center';
  const [releasing, setReleasing] = useState<Info['quarantined'][number] | null>(null);
  const [releaseReason, setReleaseReason] = useState('');
  const release = async () => {
    if (!releasing) return;
    let released = 0;
    const err = await change(async () => {
      released = (await request('sync.release', { eventId: releasing.eventId, reason: releaseReason })).released;
    });
    if (err) setError(err);
    else message.success(released ? `已放行，${released} 条记录生效。` : '已放行。');
    setReleasing(null);
    setReleaseReason('');
    reload();
  };

  const units = useLedger((s) => s.units);
  const [granting, setGranting] = useState<{ replica: string; office: string; role: string; battle: number; reason: string } | null>(null);
  const grant = async () => {
    if (!granting) return;
    const g = granting;
    const err = await change(() => request('sync.grant', { ...g, role: g.role as 'unit', battle: g.role === 'taskforce' ? g.battle : 0 }));
    if (err) setError(err);
    else message.success('已确认。随同步包送达各单位后，各单位按此身份接受它的记录。');
    setGranting(null);
    reload();
  };

  const settle = async (id: string, useOther: boolean) => {
    const err = await change(() => request('conflicts.settle', { id, useOther }));
    setError(err);
    reload();
  };

  const exportNow = async () => {
    setError(null);
    try {
      const r = await request('sync.export', peer ? { forPeer: peer } : {});
      if (await saveOutgoing(r.file)) message.success(`已导出 ${r.count} 条记录：${r.file.name}。请保存到U盘。`);
      else message.info('未保存同步包，对方单位不会收到这些记录。');
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const run = async (dryRun: boolean, picked = file) => {
    if (!picked) return;
    setError(null);
    setWorking(dryRun ? '正在核验同步包…' : '正在导入…');
    let report: Report | null = null;
    const ask = async () => {
      report = await request('sync.import', { file: picked, dryRun, trust: confirmed });
    };
    // A preview changes nothing: the ledger is reloaded only after an import.
    const err = dryRun ? await ask().then(() => null, (e: Error) => e.message) : await change(ask);
    setWorking(null);
    if (err) {
      setError(err);
      setPreview(null);
      return;
    }
    setPreview(report);
    if (!dryRun) {
      message.success('已导入。');
      setFile(null);
      setConfirmed(false);
      reload();
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="本机">
        <Space size="large" wrap>
          <Statistic title="单位" value={info?.office || identity?.officeName || ''} />
          <div>
            <Typography.Text type="secondary">本机指纹（与其他单位交换前请对方核对）</Typography.Text>
            <div style={{ fontSize: 24, fontFamily: 'monospace', letterSpacing: 2 }} data-testid="own-fingerprint">
              {info?.fingerprint}
            </div>
          </div>
          <Statistic title="本机变更" value={info?.ownEvents ?? 0} suffix="条" />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="sync-error" />}
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title="导出同步包" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">选择接收单位只导出对方还没有的记录；“全部”导出本机所有记录，任何单位都可导入。</Typography.Paragraph>
            <Space>
              <Select
                style={{ width: 220 }}
                value={peer}
                onChange={setPeer}
                data-testid="export-peer"
                options={[{ value: '', label: '全部（任何单位）' }, ...(info?.peers ?? []).map((p) => ({ value: p.replica, label: `${p.office || p.fingerprint}（未发 ${p.unsent} 条）` }))]}
              />
              <Button type="primary" onClick={() => void exportNow()} data-testid="export-bundle">
                导出
              </Button>
            </Space>
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="导入同步包">
            <FileDrop
              accept=".json"
              testId="import-bundle"
              title="点击或拖入其他单位的同步包（.ledger.json）"
              hint="先显示将要发生的变化，确认后再导入"
              picked={file}
              read={(f) => {
                setWorking('正在读取文件…');
                return pickedFile(f);
              }}
              onError={(m) => {
                setWorking(null);
                setError(m);
                setPreview(null);
              }}
              onFile={(picked) => {
                setFile(picked);
                setConfirmed(false);
                void run(true, picked);
              }}
            />
            {working && (
              <div style={{ marginTop: 12 }} data-testid="sync-working">
                <Spin size="small" /> <Typography.Text type="secondary">{working}</Typography.Text>
              </div>
            )}
            {preview && !working && (
              <div style={{ marginTop: 12 }}>
                <Preview r={preview} />
                {!preview.saved && (
                  <>
                    {preview.newKeys.length > 0 && (
                      <Alert
                        type="warning"
                        showIcon
                        style={{ marginBottom: 8 }}
                        title="来自尚未信任的单位。请打电话或当面请对方读出其“本机指纹”，与下面逐字核对："
                        description={
                          <div>
                            {preview.newKeys.map((k) => (
                              <div key={k.replica} style={{ marginBottom: 4 }}>
                                <span style={{ fontFamily: 'monospace', fontSize: 18 }} data-testid="new-fingerprint">
                                  {k.fingerprint}
                                </span>
                                <Typography.Text style={{ marginLeft: 12 }} data-testid="new-key-claim">
                                  自称：{identityLabel(k)}
                                </Typography.Text>
                                {k.sameOfficeAs && (
                                  <Typography.Paragraph type="danger" style={{ margin: '4px 0 0' }} data-testid="rival-key">
                                    注意：本机已信任{k.role === 'center' ? '总指挥中心' : '该单位'}的另一把密钥（指纹 {k.sameOfficeAs}）。除非对方重装了程序或恢复了备份，否则可能有人冒充，请当面或电话核实。
                                  </Typography.Paragraph>
                                )}
                              </div>
                            ))}
                            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                              信任后，本机只按上面的单位和角色接受它的记录；它以后自称的角色不算数，须由总指挥中心确认。
                            </Typography.Paragraph>
                            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="confirm-fingerprint">
                              已核对，指纹一致，单位和角色无误
                            </Checkbox>
                          </div>
                        }
                      />
                    )}
                    <Button type="primary" disabled={preview.newKeys.length > 0 && !confirmed} onClick={() => void run(false)} data-testid="apply-import">
                      {preview.newKeys.length ? '信任并导入' : '导入'}
                    </Button>
                  </>
                )}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      {(info?.conflicts.length ?? 0) > 0 && (
        <Card size="small" title={`冲突（${info!.conflicts.length}）：两个单位同时改了同一处，系统按时间保留了一个，请确认`} data-testid="conflicts">
          <SimpleTable
            rowKey="id"
            rows={info!.conflicts}
            empty="没有冲突"
            columns={[
              { title: '任务', dataIndex: 'what', key: 'what', ellipsis: true },
              { title: '内容', dataIndex: 'field', key: 'field', width: 100 },
              { title: '现在的值', key: 'kept', render: (_, c) => `${c.kept}（${c.keptBy}）` },
              { title: '另一个值', key: 'other', render: (_, c) => `${c.other}（${c.otherBy}）` },
              {
                title: '处理',
                key: 'act',
                width: 190,
                render: (_, c) => (
                  <Space>
                    <Button size="small" onClick={() => void settle(c.id, false)} data-testid="keep-value">
                      确认保留
                    </Button>
                    <Button size="small" onClick={() => void settle(c.id, true)}>
                      改用另一个值
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="交换单位">
        <SimpleTable
          rowKey="replica"
          rows={info?.peers ?? []}
          empty="还没有与其他单位交换过"
          columns={[
            { title: '单位', dataIndex: 'office', key: 'office' },
            { title: '指纹', dataIndex: 'fingerprint', key: 'fp', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            { title: '上次导入', dataIndex: 'lastImportAt', key: 'in', render: localTime },
            { title: '上次导出给它', dataIndex: 'lastExportAt', key: 'out', render: localTime },
            { title: '未发给它的本机变更', dataIndex: 'unsent', key: 'unsent', align: 'right' as const },
            {
              title: '按此身份接受其记录',
              key: 'role',
              render: (_: unknown, p: Info['peers'][number]) => (
                <span data-testid="peer-role">
                  {p.role ? identityLabel({ ...p, office: p.grantedOffice }) : '未确认'}
                  <Typography.Text type="secondary">{p.grantedBy === 'center' ? '（总指挥中心确认）' : '（核对指纹时确认）'}</Typography.Text>
                </span>
              ),
            },
            ...(isCenter
              ? [
                  {
                    title: '',
                    key: 'grant',
                    width: 100,
                    render: (_: unknown, p: Info['peers'][number]) => (
                      <Button size="small" onClick={() => setGranting({ replica: p.replica, office: p.grantedOffice, role: p.role || 'unit', battle: p.battle || 1, reason: '' })} data-testid="grant-role">
                        确认角色
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col span={24}>
          <Card size="small" title="导入记录" data-testid="import-history">
            <SimpleTable
              rowKey="bundleId"
              rows={info?.history ?? []}
              empty="没有导入记录"
              columns={[
                { title: '时间', dataIndex: 'importedAt', key: 'at', width: 140, render: localTime },
                { title: '来自', dataIndex: 'office', key: 'office', width: 110 },
                { title: '文件', dataIndex: 'fileName', key: 'file', ellipsis: true },
                { title: '新增', dataIndex: 'applied', key: 'applied', width: 60, align: 'right' as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="隔离或暂缓的记录" data-testid="quarantine">
        <Typography.Paragraph type="secondary">
          其他单位发来、本机没有应用的记录：越权（该单位无权这样改）、格式错误（无法应用）、时间异常（对方电脑时间超前，到时自动生效）。
          {isCenter ? '越权的记录核实后可放行，放行随同步包送达各单位。' : '越权的记录如需放行，请联系总指挥中心。'}
        </Typography.Paragraph>
        <SimpleTable
          rowKey="eventId"
          rows={info?.quarantined ?? []}
          empty="没有被隔离的记录"
          columns={[
            { title: '来自', dataIndex: 'office', key: 'office', width: 120 },
            { title: '类别', dataIndex: 'kind', key: 'kind', width: 90, render: (v: string) => <Tag color={HELD[v]?.color}>{HELD[v]?.label ?? v}</Tag> },
            { title: '记录', dataIndex: 'entity', key: 'entity', width: 90, render: (v: string) => ENTITY[v] ?? v },
            { title: '原因', dataIndex: 'reason', key: 'reason' },
            { title: '收到', dataIndex: 'at', key: 'at', width: 140, render: localTime },
            ...(isCenter
              ? [
                  {
                    title: '处理',
                    key: 'act',
                    width: 80,
                    render: (_: unknown, q: Info['quarantined'][number]) =>
                      q.kind !== 'role' ? null : (
                        <Button size="small" onClick={() => setReleasing(q)} data-testid="release-record">
                          放行
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {(info?.releases.length ?? 0) > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              放行记录
            </Typography.Title>
            <SimpleTable
              rowKey="eventId"
              rows={info!.releases}
              empty=""
              columns={[
                { title: '日期', dataIndex: 'releasedOn', key: 'on', width: 110 },
                { title: '放行单位', dataIndex: 'office', key: 'office', width: 120 },
                { title: '理由', dataIndex: 'reason', key: 'reason' },
                { title: '状态', dataIndex: 'applied', key: 'applied', width: 110, render: (v: boolean) => (v ? '已生效' : '待该记录送达') },
              ]}
            />
          </>
        )}
      </Card>
      <Modal
        open={!!granting}
        title="确认单位的角色"
        okText="确认"
        cancelText="取消"
        okButtonProps={{ disabled: !granting || granting.reason.trim().length < 2 || !granting.office }}
        onOk={() => void grant()}
        onCancel={() => setGranting(null)}
        destroyOnHidden
      >
        {granting && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">
              各单位按总指挥中心确认的单位和角色接受该密钥的记录，而不按它自己声称的。此确认随同步包送达各单位。
            </Typography.Paragraph>
            <Select
              showSearch
              style={{ width: '100%' }}
              value={granting.office || undefined}
              placeholder="单位"
              options={units.map((u) => ({ value: u.name, label: u.name }))}
              onChange={(office: string) => setGranting({ ...granting, office })}
            />
            <Space>
              <Select
                style={{ width: 160 }}
                value={granting.role}
                options={Object.entries(roleLabel).map(([value, label]) => ({ value, label }))}
                onChange={(role: string) => setGranting({ ...granting, role })}
              />
              {granting.role === 'taskforce' && (
                <Select
                  style={{ width: 120 }}
                  value={granting.battle}
                  options={[1, 2, 3, 4, 5, 6].map((b) => ({ value: b, label: `第${b}仗` }))}
                  onChange={(battle: number) => setGranting({ ...granting, battle })}
                />
              )}
            </Space>
            <Input.TextArea rows={2} maxLength={TEXT_MAX.shortReason} placeholder="理由（必填），如：该单位电脑由市商务局移交市发改局使用" value={granting.reason} onChange={(e) => setGranting({ ...granting, reason: e.target.value })} />
          </Space>
        )}
      </Modal>
      <Modal
        open={!!releasing}
        title="放行隔离的记录"
        okText="放行"
        cancelText="取消"
        okButtonProps={{ disabled: releaseReason.trim().length < 2 }}
        onOk={() => void release()}
        onCancel={() => setReleasing(null)}
        destroyOnHidden
      >
        {releasing && (
          <>
            <Typography.Paragraph>
              {releasing.office}：{ENTITY[releasing.entity] ?? releasing.entity}（{HELD[releasing.kind]?.label}）——{releasing.reason}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">放行后该记录在本机生效，并作为总指挥中心的决定随同步包送达各单位，在操作记录中可查。</Typography.Paragraph>
            <Input.TextArea
              rows={3}
              maxLength={TEXT_MAX.shortReason}
              placeholder="放行理由（必填），如：已电话核实，系对方电脑日期设置错误"
              value={releaseReason}
              onChange={(e) => setReleaseReason(e.target.value)}
              data-testid="release-reason"
            />
          </>
        )}
      </Modal>
    </Space>
  );
}
